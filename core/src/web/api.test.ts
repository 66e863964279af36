import { TRPCClientError } from "@trpc/client"
import { describe, expect, it } from "vitest"
import { errorMessage, fieldIssues, HttpError } from "./api"

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
