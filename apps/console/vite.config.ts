import { defineConfig } from "vite"
import solid from "vite-plugin-solid"

export default defineConfig({
  plugins: [solid()],
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
