/**
 * @module One file's trip to /uploads with tus-js-client, as Solid signals: its state,
 * bytes sent, speed and time left, and why it stopped. It resumes an upload a reload
 * interrupted (tus-js-client remembers it in localStorage by the file's fingerprint),
 * retries with backoff, waits for the network to come back, and can be paused.
 * tus-js-client loads with the first file, not with the console.
 */
import { createSignal } from "solid-js"
import type { DetailedError, PreviousUpload, Upload } from "tus-js-client"
import { sessionHeaders } from "../session-client"
import { speedMeter, timeLeft } from "./progress"

export type TransferState = "uploading" | "paused" | "retrying" | "done" | "failed"

/** Why a transfer stopped, for the message under it. */
export type TransferProblem =
  | { kind: "tooLarge"; detail: string }
  | { kind: "offline" }
  | { kind: "refused"; detail: string }

/** Waits between attempts: quick at first, then up to half a minute. */
export const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000]

// Bounded requests: a proxy's or the server's timeout cuts one chunk, not the whole file.
const CHUNK_SIZE = 32 * 1024 ** 2

/** A request that has sent nothing for this long is taken for a dropped connection. */
const STALL_MS = 15_000

export interface TransferOptions {
  readonly purpose: string
  /** Sent as `x-wharf-guest` (e.g. a guest's ticket link). */
  readonly guest?: string | undefined
}

const tus = () => import("tus-js-client")

const problemOf = (error: Error): TransferProblem => {
  const response = (error as DetailedError).originalResponse
  const status = response?.getStatus() ?? 0
  const detail = response?.getBody()?.trim() || error.message
  if (status === 413) return { kind: "tooLarge", detail }
  if (status === 0 || status >= 500) return { kind: "offline" }
  return { kind: "refused", detail }
}

export const createTransfer = (file: File, options: TransferOptions) => {
  const [state, setState] = createSignal<TransferState>("uploading")
  const [sent, setSent] = createSignal(0)
  const [rate, setRate] = createSignal<number | null>(null)
  const [problem, setProblem] = createSignal<TransferProblem | null>(null)
  const [resumedFrom, setResumedFrom] = createSignal<number | null>(null)
  const [retryIn, setRetryIn] = createSignal<number | null>(null)
  const [uploadId, setUploadId] = createSignal<string | null>(null)
  const meter = speedMeter()
  let firstPatch = true

  const uploadOptions = (): ConstructorParameters<typeof Upload>[1] => ({
    endpoint: "/uploads",
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    removeFingerprintOnSuccess: true,
    metadata: {
      filename: file.name,
      filetype: file.type || "application/octet-stream",
      purpose: options.purpose
    },
    headers: options.guest ? { "x-wharf-guest": options.guest } : {},
    onBeforeRequest: (req) => {
      // Read per request: the session may have been renewed meanwhile.
      for (const [name, value] of Object.entries(sessionHeaders())) req.setHeader(name, value)
      if (req.getMethod() === "PATCH" && firstPatch) {
        firstPatch = false
        const offset = Number(req.getHeader("Upload-Offset") ?? 0)
        if (offset > 0) setResumedFrom(offset)
      }
    },
    onProgress: (bytes) => {
      lastProgressAt = Date.now()
      setSent(bytes)
      setRetryIn(null)
      if (state() === "retrying") setState("uploading")
      meter.add(performance.now(), bytes)
      setRate(meter.rate())
    },
    onShouldRetry: (error, attempt) => {
      const status = (error as DetailedError).originalResponse?.getStatus() ?? 0
      // 409/423: the server still holds the previous request's lock or offset; try again.
      const retry = status === 0 || status >= 500 || status === 409 || status === 423
      if (retry) {
        setState("retrying")
        setRetryIn(RETRY_DELAYS[attempt] ?? null)
        meter.reset()
        setRate(null)
      }
      return retry
    },
    onSuccess: () => {
      setSent(file.size)
      setUploadId(upload?.url?.split("/").pop() ?? null)
      setState("done")
      stopWatching()
    },
    onError: (error) => {
      setProblem(problemOf(error))
      setState("failed")
      meter.reset()
      setRate(null)
    }
  })
  let upload: Upload | undefined
  let lastProgressAt = Date.now()

  const begin = async () => {
    firstPatch = true
    lastProgressAt = Date.now()
    setProblem(null)
    setState("uploading")
    if (!upload) {
      const { Upload } = await tus()
      upload = new Upload(file, uploadOptions())
    }
    const previous = await upload.findPreviousUploads().catch(() => [] as PreviousUpload[])
    const mine = previous.find((p) => p.metadata?.purpose === options.purpose)
    if (mine) upload.resumeFromPreviousUpload(mine)
    upload.start()
  }

  // A dropped connection often shows as silence, not as an error: a request that went
  // quiet, or one the browser says went offline, is stopped and started again through
  // tus-js-client's retries, so the user reads "connection lost, retrying in …".
  const restart = async () => {
    if (!upload || (state() !== "uploading" && state() !== "retrying")) return
    await upload.abort()
    lastProgressAt = Date.now()
    upload.start()
  }
  const watchdog = setInterval(() => {
    if (state() === "uploading" && Date.now() - lastProgressAt > STALL_MS) void restart()
  }, 2000)
  const onOffline = () => void restart()
  // Back online: go on at once instead of waiting for the next retry.
  const onOnline = () => {
    if (state() === "failed" && problem()?.kind === "offline") void begin()
    else if (state() === "retrying") void restart()
  }
  const listen = typeof window !== "undefined"
  if (listen) {
    window.addEventListener("online", onOnline)
    window.addEventListener("offline", onOffline)
  }
  const stopWatching = () => {
    clearInterval(watchdog)
    if (listen) {
      window.removeEventListener("online", onOnline)
      window.removeEventListener("offline", onOffline)
    }
  }

  void begin()

  return {
    file,
    state,
    sent,
    rate,
    problem,
    resumedFrom,
    retryIn,
    uploadId,
    timeLeft: () => timeLeft(sent(), file.size, rate()),
    pause: () => {
      void upload?.abort()
      meter.reset()
      setRate(null)
      setState("paused")
    },
    resume: () => void begin(),
    /** Stop and forget: the server deletes what it has (termination). */
    cancel: () => {
      stopWatching()
      if (state() !== "done") void upload?.abort(true).catch(() => {})
    }
  }
}

export type Transfer = ReturnType<typeof createTransfer>

/** Uploads of `purpose` a reload (or a closed tab) interrupted, as tus-js-client remembers them. */
export const interruptedUploads = async (purpose: string) => {
  const { defaultOptions } = await tus()
  const all = await defaultOptions.urlStorage.findAllUploads().catch(() => [] as PreviousUpload[])
  return all.filter((p) => p.metadata?.purpose === purpose)
}

export const forgetInterrupted = async (upload: PreviousUpload) =>
  (await tus()).defaultOptions.urlStorage.removeUpload(upload.urlStorageKey)
