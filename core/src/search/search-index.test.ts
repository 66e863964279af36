import { describe, expect, it } from "vitest"
import { editDistance, type IndexedDoc, SearchIndex } from "./search-index"

const doc = (id: string, title: string, text: string, extra: Partial<IndexedDoc> = {}): IndexedDoc => ({
  id,
  title,
  text,
  product: "TDH",
  version: "7.0",
  locale: "en",
  tags: [],
  ...extra
})

describe("search index", () => {
  it("counts every match, not only the ranked ones, and pages past the first thousand", () => {
    const index = new SearchIndex()
    for (let i = 0; i < 2500; i++) {
      index.put(
        doc(`d${i}`, `Broker ${i}`, `The quota of tenant ${i} was exceeded.`, {
          product: i % 2 ? "TDH" : "TOS"
        })
      )
    }
    expect(index.search({ q: "quota exceeded", limit: 10, offset: 0 }).total).toBe(2500)
    expect(index.search({ q: "quota exceeded", product: "TOS", limit: 10, offset: 0 }).total).toBe(1250)
    const pages = Array.from({ length: 51 }, (_, p) =>
      index.search({ q: "quota", limit: 50, offset: p * 50 })
    )
    expect(pages.at(-2)!.ids).toHaveLength(50)
    expect(pages.at(-1)!.ids).toHaveLength(0)
    // Every match on exactly one page.
    expect(new Set(pages.flatMap((p) => p.ids)).size).toBe(2500)
  })

  it("ranks title matches first, then earlier mentions in the text", () => {
    const index = new SearchIndex()
    index.put(doc("late", "Cluster notes", `${"filler words here ".repeat(30)} rebalance the partitions`))
    index.put(doc("early", "Cluster notes", "Rebalance the partitions first, then restart."))
    index.put(doc("title", "How to rebalance partitions", "Steps follow."))
    expect(index.search({ q: "rebalance partitions", limit: 3, offset: 0 }).ids).toEqual([
      "title",
      "early",
      "late"
    ])
  })

  it("forgets replaced and deleted text, also after many edits compact the lists", () => {
    const index = new SearchIndex()
    for (let i = 0; i < 50; i++)
      index.put(doc(`keep${i}`, "Gateway handshake", "The gateway rejects the handshake."))
    for (let round = 0; round < 300; round++) {
      index.put(doc("edited", `Revision ${round} of the nebula page`, `Body ${round}`))
    }
    expect(index.size).toBe(51)
    expect(index.search({ q: "nebula", limit: 10, offset: 0 })).toMatchObject({ ids: ["edited"], total: 1 })
    expect(index.search({ q: "299", limit: 10, offset: 0 }).total).toBe(1)
    expect(index.search({ q: "5", limit: 10, offset: 0 }).total).toBe(0)
    expect(index.search({ q: "handshake", limit: 10, offset: 0 }).total).toBe(50)
    index.remove("edited")
    expect(index.search({ q: "nebula", limit: 10, offset: 0 }).total).toBe(0)
  })

  it("corrects a typo with a word added after the first search", () => {
    const index = new SearchIndex()
    index.put(doc("a", "Broker restart", "Restart the broker."))
    expect(index.search({ q: "zookeper", limit: 5, offset: 0 }).total).toBe(0)
    index.put(doc("b", "ZooKeeper session expired", "The zookeeper session expired."))
    expect(index.search({ q: "zookeper", limit: 5, offset: 0 })).toMatchObject({ ids: ["b"], total: 1 })
  })

  it("measures typos as edits, a swap of neighbours being one", () => {
    expect(editDistance("kafak", "kafka", 2)).toBe(1)
    expect(editDistance("conection", "connection", 2)).toBe(1)
    expect(editDistance("zookeper", "zookeeper", 2)).toBe(1)
    expect(editDistance("elastcsearch", "elasticsearch", 2)).toBe(1)
    expect(editDistance("memroy", "memory", 2)).toBe(1)
    expect(editDistance("broker", "brokers", 2)).toBe(1)
    expect(editDistance("quota", "kafka", 2)).toBe(3)
    expect(
      editDistance(
        "a-very-long-word-indeed-longer-than-thirty-two",
        "a-very-long-word-indeed-longer-than-thirty-too",
        2
      )
    ).toBe(1)
  })

  it("does not correct numbers into other numbers", () => {
    const index = new SearchIndex()
    index.put(doc("a", "Case 100123", "Reported on host dn01."))
    expect(index.search({ q: "100124", limit: 5, offset: 0 }).total).toBe(0)
    expect(index.search({ q: "100123", limit: 5, offset: 0 }).total).toBe(1)
  })

  it("answers with the documents having most of the words when none has all", () => {
    const index = new SearchIndex()
    index.put(doc("two", "Kafka broker", "The broker of kafka."))
    index.put(doc("one", "Kafka topics", "Topics."))
    index.put(doc("none", "HDFS", "Namenode."))
    const hits = index.search({ q: "kafka broker yarn", limit: 5, offset: 0 })
    expect(hits).toMatchObject({ ids: ["two", "one"], total: 2, partial: true })
  })
})
