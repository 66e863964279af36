/**
 * @module The console's entry: styles, then the app.
 */
import "@wharf/core/web/styles.css"
import "./shell/shell.css"
import { render } from "solid-js/web"
import { App } from "./App"

render(() => <App />, document.getElementById("root")!)
