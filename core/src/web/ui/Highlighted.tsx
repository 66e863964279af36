/**
 * @module Search matches shown in text: the server splits a title or snippet into
 * segments, each a match or not, and the console marks the matches. Everything stays
 * text, so a title cannot inject markup.
 */
import { For } from "solid-js"

/** A piece of text and whether it matched the query. */
export type TextSegment = readonly [text: string, hit: boolean]

export const Highlighted = (props: { segments: ReadonlyArray<TextSegment> }) => (
  <For each={props.segments}>{([text, hit]) => (hit ? <mark>{text}</mark> : text)}</For>
)
