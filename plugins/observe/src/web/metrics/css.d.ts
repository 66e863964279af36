// Side-effect style imports: Vite bundles them; the type checker only needs to know they exist.
declare module "*.css"
