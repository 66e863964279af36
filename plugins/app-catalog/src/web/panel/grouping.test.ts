import { describe, expect, it } from "vitest"
import { groupInOrder } from "../../shared/grouping"
import type { Instance } from "../../shared/instances"
import { listQuery, pageQuery, toggled } from "./grouping"

const instance = (name: string, status: Instance["status"], clusterName: string, namespace: string) =>
  ({ name, status, clusterName, namespace }) as Instance

describe("the control panel's grouping and filters", () => {
  it("leaves an untouched dimension out of the query, so it does not filter", () => {
    expect(listQuery({})).toEqual({})
    expect(listQuery({ status: "deploying,ready", cluster: "default" })).toEqual({
      status: ["deploying", "ready"],
      cluster: ["default"]
    })
    expect(listQuery({ status: "nonsense" })).toEqual({})
  })

  it("asks for the URL's page in the URL's grouping, the first when the page is nonsense", () => {
    expect(pageQuery({ group: "status", page: "3" })).toEqual({ group: "status", limit: 48, offset: 96 })
    expect(pageQuery({ page: "-2" })).toEqual({ group: "cluster", limit: 48, offset: 0 })
    expect(pageQuery({ page: "abc", status: "ready" })).toMatchObject({ status: ["ready"], offset: 0 })
  })

  it("ticks and unticks labels; the last one unticked drops the dimension from the URL", () => {
    expect(toggled({}, "status", "ready", true)).toBe("ready")
    expect(toggled({ status: "ready" }, "status", "failed", true)).toBe("ready,failed")
    expect(toggled({ status: "ready" }, "status", "ready", false)).toBeUndefined()
  })

  it("groups by status in lifecycle order, by cluster and namespace by name, or not at all", () => {
    const items = [
      instance("redis-b", "ready", "default", "g-data"),
      instance("mysql-a", "deploying", "edge", "u-me"),
      instance("inceptor-c", "failed", "default", "u-me")
    ]
    expect(groupInOrder(items, "status").map((g) => g.key)).toEqual(["deploying", "ready", "failed"])
    expect(groupInOrder(items, "cluster").map((g) => [g.key, g.items.map((i) => i.name)])).toEqual([
      ["default", ["inceptor-c", "redis-b"]],
      ["edge", ["mysql-a"]]
    ])
    expect(groupInOrder(items, "none")).toHaveLength(1)
  })
})
