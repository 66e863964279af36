/**
 * @module Input schemas of the clusters API, shared by the server (decoding) and the console.
 */
import { Schema } from "effect"
import { labelKeyProblem, labelValueProblem, parseLabelFilter } from "./labels"

const ClusterName = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, {
      message: "must be 1–40 lowercase letters, digits or dashes, starting and ending with a letter or digit"
    })
  )
)

const registryProblem = (text: string): string | undefined => {
  if (text === "default") return undefined
  const m = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*):(\d{1,5})$/.exec(text)
  if (!m) return 'must be "default" or address:port, like registry.example.com:5000'
  const port = Number(m[5])
  if (port < 1 || port > 65535) return "the port must be between 1 and 65535"
  if (m[1]!.length > 253) return "the address must be 253 characters or fewer"
  return undefined
}

export const Registry = Schema.String.pipe(Schema.check(Schema.makeFilter((s: string) => registryProblem(s))))

const Text = (max: number, what: string) =>
  Schema.String.pipe(
    Schema.check(
      Schema.isMinLength(1, { message: `${what} must not be empty` }),
      Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
    )
  )

const KubeconfigConnection = Schema.Struct({
  kind: Schema.Literal("kubeconfig"),
  kubeconfig: Text(262_144, "the kubeconfig"),
  /** A context of the kubeconfig; its current context when absent. */
  context: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(253))))
})

const TokenConnection = Schema.Struct({
  kind: Schema.Literal("token"),
  server: Schema.String.pipe(
    Schema.check(
      Schema.isPattern(/^https?:\/\/[^\s/]+(\/\S*)?$/, {
        message: "must be the API server's URL, like https://10.0.0.1:6443"
      })
    )
  ),
  token: Text(16_384, "the token"),
  /** The cluster's CA certificate (PEM). */
  ca: Schema.optional(
    Schema.String.pipe(
      Schema.check(
        Schema.isMaxLength(65_536),
        Schema.makeFilter((s: string) =>
          s.trim() === "" || s.includes("-----BEGIN CERTIFICATE-----")
            ? undefined
            : "must be a PEM certificate (-----BEGIN CERTIFICATE----- ...)"
        )
      )
    )
  ),
  insecureSkipTlsVerify: Schema.optional(Schema.Boolean)
})

export const Connection = Schema.Union([KubeconfigConnection, TokenConnection])

export const RegisterClusterInput = Schema.Struct({
  name: ClusterName,
  /** An existing user's email or group's name; the current user when absent or empty. */
  owner: Schema.optional(Schema.String.pipe(Schema.check(Schema.isMaxLength(254)))),
  registry: Schema.optional(Registry),
  connection: Connection
})
export type RegisterClusterInput = typeof RegisterClusterInput.Type

const LabelKey = Schema.String.pipe(Schema.check(Schema.makeFilter((s: string) => labelKeyProblem(s))))
const LabelValue = Schema.String.pipe(Schema.check(Schema.makeFilter((s: string) => labelValueProblem(s))))

export const LabelFilter = Schema.String.pipe(
  Schema.check(
    Schema.isMaxLength(4096),
    Schema.makeFilter((s: string) => {
      const { problems } = parseLabelFilter(s)
      return problems.length === 0 ? undefined : problems.join("; ")
    })
  )
)

export const HostsQuery = Schema.Struct({ labels: Schema.optional(LabelFilter) })

// A record's keys are checked here: a refined key schema would silently drop bad keys.
const LabelSet = Schema.Record(Schema.String, LabelValue).pipe(
  Schema.check(
    Schema.makeFilter((labels: Readonly<Record<string, string>>) =>
      Object.keys(labels).flatMap((key) => {
        const problem = labelKeyProblem(key)
        return problem ? [{ path: [key], issue: problem }] : []
      })
    )
  )
)

export const LabelChange = Schema.Struct({
  set: Schema.optional(LabelSet),
  remove: Schema.optional(Schema.Array(LabelKey))
})
export type LabelChange = typeof LabelChange.Type

const HostName = Schema.String.pipe(
  Schema.check(Schema.isMinLength(1), Schema.isMaxLength(253, { message: "must be at most 253 characters" }))
)
const ClusterId = Schema.String

export const ClusterIdInput = Schema.Struct({ clusterId: ClusterId })
export const HostsInput = Schema.Struct({ clusterId: ClusterId, labels: Schema.optional(LabelFilter) })
export const HostInput = Schema.Struct({ clusterId: ClusterId, name: HostName })
export const PatchLabelsInput = Schema.Struct({ clusterId: ClusterId, name: HostName, change: LabelChange })
