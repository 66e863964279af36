export * from "./schemas"
export * from "./slots"
export * from "./tags"
export type * from "./types"
