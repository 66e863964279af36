/**
 * @module What an upload's progress line says: bytes in the reader's units, a speed that
 * does not jump with every chunk (an average over the last seconds), and the time left.
 */

export const formatBytes = (n: number) => {
  if (n < 1024) return `${n} B`
  const units = ["KB", "MB", "GB", "TB"]
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`
}

/** `1:05:09`, `4:07`, `0:09`: a clock, so the width stays steady as it counts down. */
export const formatDuration = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, "0")
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`
}

/** Bytes per second over a sliding window of progress samples. */
export const speedMeter = (windowMs = 5000) => {
  const samples: { at: number; bytes: number }[] = []
  return {
    add(at: number, bytes: number) {
      // A resume restarts the count from the server's offset: start the window afresh.
      if (samples.length > 0 && bytes < samples[samples.length - 1]!.bytes) samples.length = 0
      samples.push({ at, bytes })
      while (samples.length > 2 && at - samples[0]!.at > windowMs) samples.shift()
    },
    reset() {
      samples.length = 0
    },
    /** Bytes per second, or null until there is a second's worth of samples. */
    rate(): number | null {
      const first = samples[0]
      const last = samples[samples.length - 1]
      if (!first || !last || last.at - first.at < 1000) return null
      return ((last.bytes - first.bytes) * 1000) / (last.at - first.at)
    }
  }
}

/** Seconds until `total` at `rate` bytes per second from `sent`; null when unknown. */
export const timeLeft = (sent: number, total: number, rate: number | null) =>
  rate && rate > 0 ? (total - sent) / rate : null
