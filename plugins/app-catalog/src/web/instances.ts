/**
 * @module The installed apps' client (`app-catalog.apps.*`) and their live status. Status
 * arrives over Server-Sent Events (a REST route: `EventSource` reconnects by itself with the
 * session cookie); a burst of changes becomes one refetch.
 */
import { onCleanup } from "solid-js"
import type {
  DeleteRequest,
  DeleteResult,
  InstallRequest,
  InstallResult,
  Instance,
  InstanceDetail,
  InstanceEvent,
  InstanceList,
  InstanceListQuery,
  InstancePods,
  Preview,
  ScaleRequest,
  UpdateRequest
} from "../shared/instances"
import { api } from "./api"

export interface KubeEvent {
  readonly type: string
  readonly reason: string
  readonly message: string
  readonly object: string
  readonly count: number
  readonly lastSeen: string | null
}

type Query<I, O> = { query: (input: I) => Promise<O> }
type Mutation<I, O> = { mutate: (input: I) => Promise<O> }

/** The procedures as agreed (TEAM.md); typed here so the pages read the same either way. */
interface AppsClient {
  preview: Mutation<InstallRequest, Preview>
  install: Mutation<InstallRequest, InstallResult>
  list: Query<InstanceListQuery, InstanceList>
  get: Query<{ name: string }, InstanceDetail>
  pods: Query<{ name: string }, InstancePods>
  events?: Query<{ name: string }, ReadonlyArray<KubeEvent>>
  previewUpdate?: Mutation<UpdateRequest, Preview>
  update: Mutation<UpdateRequest, Instance>
  scale: Mutation<ScaleRequest, Instance>
  delete: Mutation<DeleteRequest, DeleteResult>
}

export const apps = (api as unknown as { apps: AppsClient }).apps

/** Calls `onChange` (at most every `throttleMs`) while instances change; closed with the owner. */
export const watchInstances = (
  onChange: (events: ReadonlyArray<InstanceEvent>) => void,
  options: { name?: string; throttleMs?: number } = {}
) => {
  let pending: InstanceEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const query = options.name ? `?name=${encodeURIComponent(options.name)}` : ""
  const source = new EventSource(`/api/v1/apps/events${query}`)
  source.addEventListener("instance", (e) => {
    pending.push(JSON.parse((e as MessageEvent<string>).data) as InstanceEvent)
    timer ??= setTimeout(() => {
      timer = undefined
      const batch = pending
      pending = []
      onChange(batch)
    }, options.throttleMs ?? 300)
  })
  onCleanup(() => {
    source.close()
    if (timer) clearTimeout(timer)
  })
}
