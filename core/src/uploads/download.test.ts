import { describe, expect, it } from "vitest"
import { contentDisposition, parseRange } from "./download"
import { checkFile, type UploadPurpose } from "./purposes"

describe("byte ranges", () => {
  it("reads the forms a download manager sends", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 })
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 })
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 })
    // An end past the file is cut to the file.
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 })
    expect(parseRange(undefined, 1000)).toBeNull()
  })

  it("tells a range that misses the file from one it cannot read", () => {
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable")
    expect(parseRange("bytes=5-2", 1000)).toBe("unsatisfiable")
    expect(parseRange("bytes=0-1,5-9", 1000)).toBe("invalid")
    expect(parseRange("items=0-1", 1000)).toBe("invalid")
  })
})

describe("Content-Disposition", () => {
  it("drops right-to-left override characters from the name", () => {
    const header = contentDisposition("invoice\u202Efdp.exe")
    expect(header).not.toContain("%E2%80%AE")
    expect(header).toContain("invoicefdp.exe")
  })
  it("carries a Chinese name in filename* and a safe ASCII fallback", () => {
    const header = contentDisposition('诊断包 "v2".zip')
    expect(header).toBe(
      `attachment; filename="___ _v2_.zip"; filename*=UTF-8''${encodeURIComponent('诊断包 "v2".zip')}`
    )
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!
    expect(decodeURIComponent(encoded)).toBe('诊断包 "v2".zip')
  })

  it("escapes the characters RFC 5987 does not allow bare", () => {
    expect(contentDisposition("a'b(1).txt")).toContain("filename*=UTF-8''a%27b%281%29.txt")
  })
})

describe("a file's name", () => {
  const purposes = new Map([["ticket-attachment", { purpose: "ticket-attachment" } as UploadPurpose]])
  it("is kept without bidirectional controls, so lists and mails show the real name", () => {
    const checked = checkFile(purposes, 1024, {
      purpose: "ticket-attachment",
      filename: "invoice\u202Efdp.exe\u2066\u200F",
      contentType: "application/octet-stream",
      size: 10
    })
    expect(checked.ok && checked.filename).toBe("invoicefdp.exe")
  })
})
