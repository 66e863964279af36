import { describe, expect, it } from "vitest"
import { formatBytes, formatDuration, speedMeter, timeLeft } from "./progress"

describe("upload progress", () => {
  it("writes sizes the way people read them", () => {
    expect(formatBytes(512)).toBe("512 B")
    expect(formatBytes(1536)).toBe("1.5 KB")
    expect(formatBytes(2 * 1024 ** 3)).toBe("2.0 GB")
    expect(formatBytes(150 * 1024 ** 2)).toBe("150 MB")
  })

  it("counts time left down like a clock", () => {
    expect(formatDuration(9)).toBe("0:09")
    expect(formatDuration(247)).toBe("4:07")
    expect(formatDuration(3909)).toBe("1:05:09")
  })

  it("measures speed over the last seconds, and starts afresh after a resume", () => {
    const meter = speedMeter(5000)
    meter.add(0, 0)
    expect(meter.rate()).toBeNull()
    meter.add(1000, 10 * 1024 ** 2)
    meter.add(2000, 20 * 1024 ** 2)
    expect(meter.rate()).toBe(10 * 1024 ** 2)
    // Ten seconds later at a slower pace, the early fast samples have left the window.
    for (let s = 3; s <= 12; s++) meter.add(s * 1000, 20 * 1024 ** 2 + (s - 2) * 1024 ** 2)
    expect(meter.rate()).toBe(1024 ** 2)
    meter.add(13_000, 5 * 1024 ** 2)
    expect(meter.rate()).toBeNull()
    expect(timeLeft(50, 150, 10)).toBe(10)
    expect(timeLeft(50, 150, null)).toBeNull()
  })
})
