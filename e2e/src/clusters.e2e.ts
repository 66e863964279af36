import * as k8s from "@kubernetes/client-node"
import { type KubeSim, startKubeSim } from "@wharf/kube-sim"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { baseUrl, launchBrowser, screenshot } from "./browser"

const ADMIN = { email: "admin@wharf.test", password: "admin-password-1" }

describe("clusters and hosts in the console", () => {
  let browser: Browser
  let page: Page
  let sim: KubeSim
  let core: k8s.CoreV1Api

  beforeAll(async () => {
    browser = await launchBrowser()
    // A cluster of the test's own, so the test can change it while the page is open.
    sim = await startKubeSim({ port: 0, nodes: 3, tickMs: 50 })
    const kc = new k8s.KubeConfig()
    kc.loadFromString(sim.kubeconfig())
    core = kc.makeApiClient(k8s.CoreV1Api)
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await page.goto(baseUrl())
    await page.getByLabel("邮箱").fill(ADMIN.email)
    await page.getByLabel("密码").fill(ADMIN.password)
    await page.getByRole("button", { name: "登录" }).click()
    await page.waitForURL((url) => url.pathname === "/")
  })
  afterAll(async () => {
    await browser?.close()
    await sim?.close()
  })

  const hostRows = () => page.locator("table.table tbody tr td:first-child a")

  it("lists the simulated default cluster and its three hosts, with a hover summary", async () => {
    await page.getByRole("navigation", { name: "控制台分区" }).getByRole("link", { name: "平台" }).click()
    await page.getByRole("navigation", { name: "平台" }).getByRole("link", { name: "集群管理" }).click()
    await page.getByRole("heading", { name: "集群管理" }).waitFor()
    const row = page.locator("tr", { has: page.getByRole("link", { name: "default", exact: true }) })
    await row.getByText("模拟").waitFor()
    await row.getByText("已连接").waitFor()
    expect(await row.textContent()).toContain("v1.31.2")
    await screenshot(page, "clusters-list-zh")
    await row.getByRole("link", { name: "default", exact: true }).click()
    await page.getByRole("heading", { name: "主机" }).waitFor()
    await page.getByText("显示 3 / 3 台主机").waitFor()
    expect(await hostRows().allTextContents()).toEqual(["sim-node-1", "sim-node-2", "sim-node-3"])
    await page.getByRole("link", { name: "sim-node-2" }).hover()
    const card = page.getByRole("tooltip")
    await card.waitFor()
    expect(await card.textContent()).toContain("10.0.0.12")
    await screenshot(page, "hosts-default-hover-zh")
  })

  it("adds a cluster from a pasted kubeconfig", async () => {
    await page.goto(`${baseUrl()}/clusters`)
    await page.getByRole("button", { name: "添加集群" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByLabel("集群名").fill("e2e-sim")
    await dialog.getByLabel("kubeconfig 内容").fill(sim.kubeconfig())
    await screenshot(page, "clusters-add-dialog-zh")
    await dialog.getByRole("button", { name: "检查连接并添加" }).click()
    await page.getByText("已添加集群 e2e-sim").waitFor()
    await page.getByRole("link", { name: "e2e-sim", exact: true }).waitFor()
  })

  it("filters hosts by labels, kept in the URL", async () => {
    await page.getByRole("link", { name: "e2e-sim", exact: true }).click()
    await page.getByText("显示 3 / 3 台主机").waitFor()
    expect(await page.locator("select[aria-label='集群'] option:checked").textContent()).toBe("e2e-sim")
    await page.getByLabel("按标签筛选").fill("topology.kubernetes.io/zone=zone-b")
    await page.getByRole("button", { name: "添加", exact: true }).click()
    await page.getByText("显示 1 / 3 台主机").waitFor()
    expect(new URL(page.url()).searchParams.get("labels")).toBe("topology.kubernetes.io/zone=zone-b")
    expect(await hostRows().allTextContents()).toEqual(["sim-node-2"])
    await screenshot(page, "hosts-filtered-zh")
    // The same URL, opened fresh, shows the same hosts.
    await page.reload()
    await page.getByText("显示 1 / 3 台主机").waitFor()
  })

  it("adds a label to a host, after saying what is wrong with a bad one", async () => {
    await page.goto(page.url().replace(/\/hosts.*$/, "/hosts/sim-node-3"))
    await page.getByRole("heading", { name: "sim-node-3" }).waitFor()
    const input = page.getByLabel("标签", { exact: true })
    await input.fill("-tier=gold")
    await input.press("Enter")
    await page.getByText("-tier=gold：键必须以字母或数字开头和结尾").waitFor()
    await input.fill("wharf.io/tier=gold")
    await page.getByRole("button", { name: "新标签" }).click()
    await page.getByText("有未保存的修改").waitFor()
    await page.getByRole("button", { name: "保存" }).click()
    await page.getByText("标签已保存").waitFor()
    const node = await core.readNode({ name: "sim-node-3" })
    expect(node.metadata?.labels?.["wharf.io/tier"]).toBe("gold")
  })

  it("shows a new pod on the host page without reloading", async () => {
    await page.getByText("这台主机上没有 Pod").waitFor()
    await core.createNamespacedPod({
      namespace: "default",
      body: {
        metadata: { name: "live-pod" },
        spec: {
          nodeName: "sim-node-3",
          containers: [
            { name: "web", image: "nginx:1.27", resources: { requests: { cpu: "200m", memory: "128Mi" } } }
          ]
        }
      }
    })
    const row = page.locator("tr", { hasText: "live-pod" })
    await row.waitFor({ timeout: 15_000 })
    await row.getByText("Running").waitFor({ timeout: 15_000 })
    // The usage card says how much disk the host uses (not "0 B") and its network throughput now.
    const storage = page.locator(".usage-item", { hasText: "存储" }).locator(".resource-text")
    expect(await storage.textContent()).toMatch(/^\d+(\.\d)? GiB \/ 500 GiB$/)
    const network = page.getByTestId("host-network")
    await network.getByText("接收").waitFor()
    expect(await network.textContent()).toMatch(/接收[\d.]+ (k|M)?bit\/s发送[\d.]+ (k|M)?bit\/s/)
    await screenshot(page, "host-page-live-pod-zh")
  })
})
