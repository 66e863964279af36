/**
 * @module Extension points at run time: the owning plugin reads what enabled plugins
 * contributed to its point, without knowing those plugins.
 */
import { Context } from "effect"
import type { Contribution, ExtensionPoint } from "./plugin"

export class Extensions extends Context.Service<
  Extensions,
  { readonly get: <T>(point: ExtensionPoint<T>) => ReadonlyArray<T> }
>()("wharf/Extensions") {}

export const makeExtensions = (contributions: ReadonlyArray<Contribution<unknown>>) =>
  Extensions.of({
    get: <T>(point: ExtensionPoint<T>) =>
      contributions.filter((c) => c.point.id === point.id).map((c) => c.value as T)
  })
