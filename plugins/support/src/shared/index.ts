export * from "./content"
export * from "./hours"
export * from "./schemas"
export type * from "./types"
