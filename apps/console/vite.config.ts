import { defineConfig } from "vite"
import solid from "vite-plugin-solid"
import { wharfPlugins } from "./wharf-plugins"

export default defineConfig({
  plugins: [solid(), wharfPlugins()],
  // A plugin installed in node_modules brings its own copy of these; the console needs one.
  resolve: { dedupe: ["solid-js", "@solidjs/router", "@wharf/core"] },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    target: "es2022",
    sourcemap: false
  },
  server: {
    port: 5173,
    proxy: {
      "/trpc": "http://localhost:8080",
      "/api": "http://localhost:8080",
      "/uploads": "http://localhost:8080"
    }
  }
})
