import { TRPCClientError } from "@trpc/client"
import { describe, expect, it } from "vitest"
import { errorMessage, fieldIssues, HttpError } from "./api"
import { addMessages, setLocale } from "./i18n"

describe("what a failed call tells a form", () => {
  it("puts the server's per-field issues under their fields, the first per field", () => {
    const error = new TRPCClientError("email: not an email; password: too short", {
      result: {
        error: {
          code: -32600,
          message: "email: not an email; password: too short",
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            issues: [
              { path: "email", message: "not an email" },
              { path: "password", message: "too short" },
              { path: "password", message: "needs a digit" },
              { path: "members.0.role", message: "unknown role" }
            ]
          }
        }
      }
    })
    expect(fieldIssues(error)).toEqual({
      email: "not an email",
      password: "too short",
      members: "unknown role"
    })
    setLocale("en")
    expect(errorMessage(error)).toBe("email: not an email; password: too short")
  })

  it("skips issues that name no field", () => {
    const error = {
      data: {
        issues: [
          { path: "", message: "no field" },
          { path: "roles.0", message: "bad role" }
        ]
      }
    }
    expect(fieldIssues(error)).toEqual({ roles: "bad role" })
  })

  it("reads a REST error's issues the same way", () => {
    const error = new HttpError(400, "name: required", [{ path: "name", message: "required" }])
    expect(fieldIssues(error)).toEqual({ name: "required" })
  })

  it("has no field issues for other failures", () => {
    expect(fieldIssues(new Error("boom"))).toEqual({})
    expect(fieldIssues(null)).toEqual({})
    expect(fieldIssues(new HttpError(409, "already exists"))).toEqual({})
  })

  it("calls an unreachable server a network problem, so the page can say what to do", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toBe("network")
  })
})

describe("a failed call in the reader's language", () => {
  addMessages({
    "zh-CN": { "error.test.locked": "工单 #{number} 已关闭", "errorKind.404": "找不到" },
    en: { "error.test.locked": "Ticket #{number} is closed" }
  })
  const refusal = (reason?: string) =>
    new TRPCClientError("Ticket 7 is closed (server English)", {
      result: {
        error: {
          code: -32600,
          message: "Ticket 7 is closed (server English)",
          data: { code: "NOT_FOUND", httpStatus: 404, ...(reason ? { reason, params: { number: 7 } } : {}) }
        }
      }
    })

  it("renders the server's reason code with its parameters in Chinese and in English", () => {
    setLocale("zh-CN")
    expect(errorMessage(refusal("test.locked"))).toBe("工单 #7 已关闭")
    setLocale("en")
    expect(errorMessage(refusal("test.locked"))).toBe("Ticket #7 is closed")
  })

  it("says what kind of refusal it was in Chinese when the reason is unknown, the server's English in English", () => {
    setLocale("zh-CN")
    expect(errorMessage(refusal("test.unknown"))).toBe("找不到")
    expect(errorMessage(new HttpError(404, "No such thing"))).toBe("找不到")
    setLocale("en")
    expect(errorMessage(refusal())).toBe("Ticket 7 is closed (server English)")
  })

  it("renders a field issue's reason under its field", () => {
    setLocale("zh-CN")
    const error = new HttpError(400, "x", [
      { path: "n", message: "english", reason: "test.locked", params: { number: 3 } }
    ])
    expect(fieldIssues(error)).toEqual({ n: "工单 #3 已关闭" })
  })
})
