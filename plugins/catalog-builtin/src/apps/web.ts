/** @module Built-in web apps: WordPress and Terminal. */
import { app, role, text } from "../build"

export const wordpress = app({
  name: "wordpress",
  title: "WordPress",
  version: "6.5.4",
  vendor: "WordPress.org",
  icon: "WP",
  description: text("博客与网站系统,数据存放在 MySQL 中。", "Blog and website system, its data in MySQL."),
  tags: ["web", "cms"],
  roles: [
    role({
      name: "web",
      label: text("网站", "Web"),
      image: "wordpress:6.5.4-apache",
      workload: "Deployment",
      ports: [{ name: "http", port: 80 }],
      env: [
        { name: "WORDPRESS_DB_HOST", value: "{{deps.mysql.host}}" },
        { name: "WORDPRESS_DB_USER", value: "{{deps.mysql.user}}" },
        { name: "WORDPRESS_DB_PASSWORD", value: "{{deps.mysql.password}}" },
        { name: "WORDPRESS_DB_NAME", value: "{{instance}}" }
      ],
      readiness: { check: { http: { path: "/wp-login.php", port: 80 } }, initialDelaySeconds: 10 },
      volumes: [{ name: "content", mountPath: "/var/www/html/wp-content", sizeMiB: 5120 }],
      resources: { cpu: 0.5, memoryMiB: 512 }
    })
  ],
  replicas: { web: { replicas: false } },
  dependencies: [{ app: "mysql", required: true }],
  links: [{ label: text("WordPress(80)", "WordPress (80)"), role: "web", port: 80 }]
})

export const terminal = app({
  name: "terminal",
  title: "Terminal",
  version: "1.7.7",
  vendor: "Wharf",
  icon: ">_",
  description: text(
    "浏览器中的命令行终端,在租户的命名空间中运行,便于访问其它应用。",
    "A shell in the browser, running in the tenant's namespace to reach its other apps."
  ),
  tags: ["tools"],
  roles: [
    role({
      name: "shell",
      label: text("终端", "Shell"),
      image: "tsl0922/ttyd:1.7.7",
      workload: "Deployment",
      args: ["ttyd", "--writable", "bash"],
      ports: [{ name: "http", port: 7681 }],
      readiness: { check: { tcp: { port: 7681 } } },
      resources: { cpu: 0.25, memoryMiB: 256 }
    })
  ],
  replicas: { shell: { replicas: false } },
  links: [{ label: text("终端(7681)", "Terminal (7681)"), role: "shell", port: 7681 }]
})
