/** @module An app's icon: its image, or its letters on a tile coloured from the app's name. */
import { Show } from "solid-js"

const isImage = (icon: string) => /^(https?:|data:image\/|\/)/.test(icon)

const hue = (name: string) => {
  let h = 0
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 360
  return h
}

export const AppIcon = (props: { icon: string; name: string; size?: number }) => {
  const size = () => props.size ?? 40
  return (
    <Show
      when={isImage(props.icon)}
      fallback={
        <span
          class="app-icon-tile"
          aria-hidden="true"
          style={{
            width: `${size()}px`,
            height: `${size()}px`,
            "font-size": `${Math.round(size() * 0.4)}px`,
            background: `hsl(${hue(props.name)} 55% 42%)`
          }}
        >
          {props.icon.slice(0, 3)}
        </span>
      }
    >
      <img class="app-icon-img" src={props.icon} alt="" width={size()} height={size()} />
    </Show>
  )
}
