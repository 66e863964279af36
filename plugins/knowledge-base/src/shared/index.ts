export * from "./schemas"
export * from "./slots"
export type * from "./types"
