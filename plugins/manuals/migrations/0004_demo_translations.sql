-- A data directory made before manuals had English text keeps the demo manuals and release
-- notes it was given, in Chinese only. The rows that are still exactly as the demo shipped
-- them (same product, version, slug, Chinese title and text) get the demo's English; a row
-- an editor changed, or English an editor already wrote, is left as it is.
update manuals.manuals m set title_en = d.title_en
from (values
  ('TDH', '6.2', 'TDH 6.2 用户手册', 'TDH 6.2 user manual'),
  ('TDH', '7.0', 'TDH 7.0 用户手册', 'TDH 7.0 user manual'),
  ('TOS', '1.9', 'TOS 1.9 用户手册', 'TOS 1.9 user manual'),
  ('TOS', '2.0', 'TOS 2.0 用户手册', 'TOS 2.0 user manual')
) as d (product, version, title, title_en)
where m.product = d.product and m.version = d.version and m.title = d.title and m.title_en is null;

-- Most pages read the same in both versions of a product but for the version number, written
-- `{v}` here; the pages whose text differs between versions are listed once per version.
with shared (product, slug, title, body, title_en, body_en) as (values
  ('TDH', 'overview', 'TDH 概述', 'Transwarp Data Hub（TDH）{v} 是一站式大数据平台，包含 HDFS、Yarn、HBase、Inceptor、Kafka 等组件，可以运行在 TOS 上。

本手册按使用顺序编排：**安装**、**配置**、**日常运维**、**故障排查**。', 'TDH overview', 'Transwarp Data Hub (TDH) {v} is an all-in-one big data platform with HDFS, Yarn, HBase, Inceptor, Kafka and other components, and it can run on TOS.

This manual follows the order you use it in: **Installation**, **Configuration**, **Operations**, **Troubleshooting**.'),
  ('TDH', 'architecture', '架构', '| 层 | 组件 |
|---|---|
| 存储 | HDFS、HBase |
| 计算 | Inceptor、Yarn |
| 消息 | Kafka |
| 协调 | ZooKeeper |
| 元数据 | Metastore |', 'Architecture', '| Layer | Components |
|---|---|
| Storage | HDFS, HBase |
| Compute | Inceptor, Yarn |
| Messaging | Kafka |
| Coordination | ZooKeeper |
| Metadata | Metastore |'),
  ('TDH', 'install', '安装', '安装 TDH {v} 前请确认：操作系统版本受支持、所有主机时间同步、每台主机至少 64 GB 内存。', 'Installation', 'Before installing TDH {v}, make sure that the operating system version is supported, that all hosts'' clocks are synchronized, and that each host has at least 64 GB of memory.'),
  ('TDH', 'precheck', '安装前检查', '```bash
chronyc tracking | grep offset
free -g
df -h /data
```

时间偏差须小于 500 毫秒；数据盘建议使用 XFS 文件系统，挂载在 `/data` 下。', 'Pre-installation checks', '```bash
chronyc tracking | grep offset
free -g
df -h /data
```

The clock offset must be under 500 ms; use the XFS file system for data disks, mounted under `/data`.'),
  ('TDH', 'offline', '离线安装', '下载 TDH {v} 离线安装包，导入管理节点后在控制台选择版本安装：

```bash
tdh-cli repo import tdh-{v}-offline.tar.gz
tdh-cli install --version {v} --services zookeeper,hdfs,yarn,inceptor
```', 'Offline installation', 'Download the TDH {v} offline installation package, import it on the management node, then choose the version to install in the console:

```bash
tdh-cli repo import tdh-{v}-offline.tar.gz
tdh-cli install --version {v} --services zookeeper,hdfs,yarn,inceptor
```'),
  ('TDH', 'install-services', '按需安装服务', '首次安装只需 ZooKeeper、HDFS、Yarn 与 Inceptor。之后可以在控制台随时添加 HBase、Kafka、Elasticsearch 等服务；添加时选择目标主机，安装程序自动分发配置。', 'Installing services as needed', 'The first installation needs only ZooKeeper, HDFS, Yarn and Inceptor. You can add HBase, Kafka, Elasticsearch and other services from the console at any time later; choose the target hosts when adding one, and the installer distributes the configuration.'),
  ('TDH', 'verify', '安装后检查', '```bash
hdfs dfsadmin -report | head -20
beeline -u "jdbc:hive2://<host>:10000/default" -e "select 1"
```

HDFS 报告中所有 DataNode 应为 Live；Inceptor 查询应返回 1。', 'Post-installation checks', '```bash
hdfs dfsadmin -report | head -20
beeline -u "jdbc:hive2://<host>:10000/default" -e "select 1"
```

Every DataNode in the HDFS report should be Live; the Inceptor query should return 1.'),
  ('TDH', 'configure', '配置', '本章介绍常用的配置：Inceptor 连接与认证、HDFS 参数、Kafka 参数与安全。', 'Configuration', 'This chapter covers the usual settings: Inceptor connections and authentication, HDFS settings, Kafka settings and security.'),
  ('TDH', 'hdfs-settings', 'HDFS 参数', '| 参数 | 建议值 | 说明 |
|---|---|---|
| dfs.replication | 3 | 副本数 |
| dfs.blocksize | 256m | 块大小 |
| dfs.namenode.handler.count | 100 | NameNode 处理线程数 |

修改后在控制台点击 **分发配置并重启**。', 'HDFS settings', '| Setting | Recommended | Meaning |
|---|---|---|
| dfs.replication | 3 | Number of replicas |
| dfs.blocksize | 256m | Block size |
| dfs.namenode.handler.count | 100 | NameNode handler threads |

After a change, click **Distribute configuration and restart** in the console.'),
  ('TDH', 'security', '安全', 'TDH 支持 Kerberos 与 LDAP 两种认证方式，以及基于角色的表级权限。启用 Kerberos 后，客户端须先获取票据：

```bash
kinit -kt /etc/inceptor.keytab hive/<host>@TDH
```', 'Security', 'TDH supports two ways to authenticate, Kerberos and LDAP, and role-based permissions per table. With Kerberos on, clients must get a ticket first:

```bash
kinit -kt /etc/inceptor.keytab hive/<host>@TDH
```'),
  ('TDH', 'operate', '日常运维', '本章介绍服务启停、扩容、备份与升级。', 'Operations', 'This chapter covers starting and stopping services, scaling out, backup and upgrades.'),
  ('TDH', 'start-stop', '启停服务', '在控制台的服务页面可以启动、停止、重启单个服务或角色。停止 HDFS 前先停止依赖它的服务（HBase、Inceptor、Yarn）；启动时顺序相反。', 'Starting and stopping services', 'On a service''s page in the console you can start, stop or restart a single service or role. Before stopping HDFS, stop the services that depend on it (HBase, Inceptor, Yarn); start them in the reverse order.'),
  ('TDH', 'scale-out', '扩容节点', '添加主机后，在 HDFS 服务中添加 DataNode 角色，然后执行均衡：

```bash
hdfs balancer -threshold 10
```', 'Adding nodes', 'After adding a host, add a DataNode role to it in the HDFS service, then rebalance:

```bash
hdfs balancer -threshold 10
```'),
  ('TDH', 'backup', '备份与恢复', '定期备份 Metastore 数据库与 HDFS 的 fsimage。HBase 表可以用快照备份：

```bash
hbase shell <<< "snapshot ''orders'', ''orders-snap''"
```', 'Backup and recovery', 'Back up the Metastore database and HDFS''s fsimage regularly. HBase tables can be backed up with snapshots:

```bash
hbase shell <<< "snapshot ''orders'', ''orders-snap''"
```'),
  ('TDH', 'troubleshoot', '故障排查', '按现象查找原因与解决办法。若仍无法解决，请在支持中心提交工单，附上相关服务的日志。', 'Troubleshooting', 'Find the cause and the fix by what you see. If that does not solve it, file a ticket in the support center with the logs of the services involved.'),
  ('TDH', 'safemode', 'NameNode 处于安全模式', '写入报错 `Name node is in safe mode` 时，先查看缺失的块：

```bash
hdfs dfsadmin -safemode get
hdfs fsck / -list-corruptfileblocks
```

块数恢复后 NameNode 会自动退出安全模式；确认数据可丢弃时才可以强制退出。', 'NameNode in safe mode', 'When writes fail with `Name node is in safe mode`, first look at the missing blocks:

```bash
hdfs dfsadmin -safemode get
hdfs fsck / -list-corruptfileblocks
```

The NameNode leaves safe mode by itself once the blocks are back; force it out only when you are sure the data can be lost.'),
  ('TDH', 'regionserver-oom', 'RegionServer 内存溢出', 'RegionServer 频繁重启、日志中出现 `OutOfMemoryError` 时，检查堆大小与 MemStore 占比，适当调大 `HBASE_HEAPSIZE` 或减少单台主机上的 Region 数。', 'RegionServer out of memory', 'When a RegionServer restarts often and its log shows `OutOfMemoryError`, check the heap size and the share of MemStore, then raise `HBASE_HEAPSIZE` or put fewer Regions on each host.'),
  ('TOS', 'overview', 'TOS 概述', 'Transwarp Operating System（TOS）是为大数据应用量身订做的云操作系统。TOS {v} 基于 Kubernetes，提供一键部署应用、多租户资源隔离与基于优先级的抢占式调度。

本手册按使用顺序编排：**安装**、**配置**、**日常运维**、**故障排查**。每章的页面可以单独阅读。', 'TOS overview', 'Transwarp Operating System (TOS) is a cloud operating system made for big data applications. TOS {v} is built on Kubernetes and offers one-click app deployment, multi-tenant resource isolation and priority-based preemptive scheduling.

This manual follows the order you use it in: **Installation**, **Configuration**, **Operations**, **Troubleshooting**. Each chapter''s pages can be read on their own.'),
  ('TOS', 'concepts', '基本概念', '- **集群**：一组由同一个 Kubernetes API Server 管理的主机。
- **租户**：资源隔离与计费的单位。每个用户有个人租户（`u-` 开头），每个用户组有组租户（`g-` 开头）。
- **应用**：从应用列表安装的一组服务，例如 Redis、Kafka、Inceptor；一个应用可以依赖另一个应用。
- **配额**：租户可使用的 CPU、内存与存储上限。', 'Basic concepts', '- **Cluster**: a group of hosts managed by the same Kubernetes API server.
- **Tenant**: the unit of resource isolation and billing. Each user has a personal tenant (starting with `u-`), and each user group has a group tenant (starting with `g-`).
- **App**: a set of services installed from the app list, such as Redis, Kafka or Inceptor; an app can depend on another app.
- **Quota**: the most CPU, memory and storage a tenant may use.'),
  ('TOS', 'install', '安装', '本章介绍如何在物理机或虚拟机上安装 TOS {v}：先检查环境，再安装第一个集群，然后添加主机，最后做安装后检查。', 'Installation', 'This chapter explains how to install TOS {v} on physical or virtual machines: check the environment first, then install the first cluster, add hosts, and finally run the post-installation checks.'),
  ('TOS', 'install-cluster', '安装第一个集群', '1. 将 TOS {v} 离线安装包上传到第一台控制节点并解压。
2. 编辑 `hosts.yaml`，填写三台控制节点的地址。
3. 执行安装脚本：

```bash
tar xzf tos-{v}-offline.tar.gz && cd tos-{v}
./install.sh --hosts hosts.yaml
```

安装完成后，脚本会打印控制台地址与管理员初始密码。首次登录后请立即修改密码。', 'Installing the first cluster', '1. Upload the TOS {v} offline installation package to the first control node and extract it.
2. Edit `hosts.yaml` and fill in the addresses of the three control nodes.
3. Run the installation script:

```bash
tar xzf tos-{v}-offline.tar.gz && cd tos-{v}
./install.sh --hosts hosts.yaml
```

When the installation finishes, the script prints the console address and the administrator''s initial password. Change the password right after you first sign in.'),
  ('TOS', 'add-host', '添加主机', '在控制台进入 **平台 → 集群管理**，打开集群后点击 **添加主机**，填写主机地址与 SSH 凭据。新主机就绪后会出现在主机列表中，状态为 **Ready**。

可以给主机添加标签（`key=value`，例如 `disk=ssd`），安装应用时按标签选择主机。', 'Adding hosts', 'In the console, go to **Platform → Clusters**, open the cluster and click **Add host**, then fill in the host''s address and SSH credentials. Once ready, the new host appears in the host list with the status **Ready**.

You can give a host labels (`key=value`, e.g. `disk=ssd`) and choose hosts by label when installing apps.'),
  ('TOS', 'verify', '安装后检查', '```bash
kubectl get nodes
kubectl get pods -n kube-system
```

所有节点应为 Ready，kube-system 中的 Pod 应为 Running。然后在控制台安装一个 Redis 应用作为冒烟测试，确认它能在几分钟内就绪。', 'Post-installation checks', '```bash
kubectl get nodes
kubectl get pods -n kube-system
```

All nodes should be Ready, and the pods in kube-system should be Running. Then install a Redis app from the console as a smoke test and check that it becomes ready within a few minutes.'),
  ('TOS', 'configure', '配置', '本章介绍安装后的配置：租户与命名空间、用户配额、镜像仓库与登录认证。', 'Configuration', 'This chapter covers configuration after installation: tenants and namespaces, user quotas, the image registry, and sign-in and authentication.'),
  ('TOS', 'tenants', '租户与命名空间', '每个用户注册后自动获得个人租户，对应一个命名空间；管理员创建用户组时会同时创建组租户。组租户的应用对组内所有成员可见。

在 **平台 → 租户** 中可以查看每个租户的命名空间、成员与资源用量。', 'Tenants and namespaces', 'Every user gets a personal tenant, with its own namespace, on registering; when an administrator creates a user group, a group tenant is created with it. A group tenant''s apps are visible to every member of the group.

Under **Platform → Tenants** you can see each tenant''s namespaces, members and resource usage.'),
  ('TOS', 'registry', '镜像仓库', 'TOS 自带镜像仓库，地址为 `registry.tos.local:5000`。使用外部仓库时，在 **平台 → 设置** 中填写地址与凭据：

```yaml
registry:
  url: https://registry.example.com
  username: tos-pull
  insecure: false
```', 'Image registry', 'TOS comes with its own image registry at `registry.tos.local:5000`. To use an external registry, fill in its address and credentials under **Platform → Settings**:

```yaml
registry:
  url: https://registry.example.com
  username: tos-pull
  insecure: false
```'),
  ('TOS', 'authentication', '登录与认证', '控制台支持本地账号与 LDAP 登录。接入 LDAP 时填写服务器地址、Base DN 与绑定账号；保存前可以先点击 **测试连接**。

管理员可以为用户分配角色：用户、技术支持、管理员。', 'Sign-in and authentication', 'The console supports local accounts and LDAP sign-in. To connect LDAP, fill in the server address, Base DN and bind account; click **Test connection** before saving.

Administrators can give users a role: user, support agent or administrator.'),
  ('TOS', 'operate', '日常运维', '本章介绍应用的安装与上架、监控与告警、备份与恢复，以及升级 TOS。', 'Operations', 'This chapter covers installing and publishing apps, monitoring and alerts, backup and recovery, and upgrading TOS.'),
  ('TOS', 'publish-app', '应用上架', '管理员可以上架自定义应用：上传 Chart 包并填写名称、版本与说明。上架后的应用出现在应用列表中，所有租户都可以安装。', 'Publishing apps', 'Administrators can publish custom apps: upload a Chart package and fill in its name, version and description. Published apps appear in the app list, and every tenant can install them.'),
  ('TOS', 'monitoring', '监控与告警', '主机页面展示 CPU、内存、网络与存储的用量曲线，应用页面按角色展示每个 Pod 的用量。可以为租户配额、主机磁盘和应用重启次数设置告警，告警通过邮件发送。', 'Monitoring and alerts', 'The host page charts CPU, memory, network and storage usage, and the app page shows each pod''s usage by role. You can set alerts on tenant quotas, host disks and app restart counts; alerts are sent by email.'),
  ('TOS', 'backup', '备份与恢复', 'TOS 的元数据保存在 etcd 中，建议每天备份一次：

```bash
ETCDCTL_API=3 etcdctl snapshot save /backup/etcd-$(date +%F).db
```

恢复前先停止所有控制节点上的 kube-apiserver，再用 `etcdctl snapshot restore` 恢复到新的数据目录。', 'Backup and recovery', 'TOS keeps its metadata in etcd; back it up once a day:

```bash
ETCDCTL_API=3 etcdctl snapshot save /backup/etcd-$(date +%F).db
```

Before restoring, stop kube-apiserver on every control node, then restore into a new data directory with `etcdctl snapshot restore`.'),
  ('TOS', 'troubleshoot', '故障排查', '按现象查找原因与解决办法。若仍无法解决，请在支持中心提交工单，附上相关 Pod 的日志与事件。', 'Troubleshooting', 'Find the cause and the fix by what you see. If that does not solve it, file a ticket in the support center with the logs and events of the pods involved.'),
  ('TOS', 'pod-pending', 'Pod 一直处于 Pending', '```bash
kubectl describe pod <pod> -n <namespace>
```

查看 Events：

- `Insufficient cpu` / `Insufficient memory`：集群资源不足，添加主机或缩容其他应用；
- `exceeded quota`：租户配额不足，见《创建用户配额》；
- `didn''t match node selector`：没有带所需标签的主机。', 'Pod stays Pending', '```bash
kubectl describe pod <pod> -n <namespace>
```

Look at the Events:

- `Insufficient cpu` / `Insufficient memory`: the cluster is short of resources; add hosts or scale down other apps;
- `exceeded quota`: the tenant''s quota is too small, see *Creating user quotas*;
- `didn''t match node selector`: no host has the required labels.'),
  ('TOS', 'image-pull', '镜像拉取失败', 'Pod 状态为 `ImagePullBackOff` 时，检查镜像仓库地址与凭据是否正确、主机能否访问仓库：

```bash
curl -k https://registry.tos.local:5000/v2/_catalog
```', 'Image pull fails', 'When a pod''s status is `ImagePullBackOff`, check that the registry''s address and credentials are right and that the host can reach the registry:

```bash
curl -k https://registry.tos.local:5000/v2/_catalog
```'),
  ('TOS', 'node-notready', '主机 NotReady', '主机显示 NotReady 时，登录该主机检查 kubelet：

```bash
systemctl status kubelet
journalctl -u kubelet --since "10 min ago"
```

常见原因：磁盘写满、时间不同步、证书过期。', 'Host NotReady', 'When a host shows NotReady, sign in to it and check the kubelet:

```bash
systemctl status kubelet
journalctl -u kubelet --since "10 min ago"
```

Common causes: a full disk, clocks out of sync, expired certificates.')
), own (product, version, slug, title, body, title_en, body_en) as (values
  ('TDH', '6.2', 'inceptor', 'Inceptor 连接与认证', 'Inceptor 提供 SQL 查询。JDBC 连接串：`jdbc:hive2://<host>:10000/default`。默认不启用认证；生产环境建议启用 LDAP。', 'Inceptor connections and authentication', 'Inceptor answers SQL queries. JDBC connection string: `jdbc:hive2://<host>:10000/default`. Authentication is off by default; turn on LDAP in production.'),
  ('TDH', '6.2', 'kafka-settings', 'Kafka 参数', 'TDH 6.2 的 Kafka 版本为 2.x。常用参数：`num.partitions`（默认分区数）、`log.retention.hours`（保留时长，默认 168）、`min.insync.replicas`（建议 2）。', 'Kafka settings', 'TDH 6.2 ships Kafka 2.x. Common settings: `num.partitions` (default number of partitions), `log.retention.hours` (how long to keep data, 168 by default) and `min.insync.replicas` (2 recommended).'),
  ('TDH', '6.2', 'upgrade', '升级', '从上一版本升级到 TDH 6.2：先导出配置，再按组件滚动升级，最后执行冒烟测试。', 'Upgrading', 'Upgrading from the previous version to TDH 6.2: export the configuration first, upgrade component by component in a rolling fashion, then run a smoke test.'),
  ('TDH', '6.2', 'inceptor-connection', '无法连接 Inceptor', '先确认端口可达：

```bash
nc -vz <host> 10000
```

端口可达但认证失败时，检查是否启用了 Kerberos 且已获取票据。', 'Cannot connect to Inceptor', 'First check that the port can be reached:

```bash
nc -vz <host> 10000
```

If the port is reachable but authentication fails, check whether Kerberos is on and a ticket has been obtained.'),
  ('TDH', '7.0', 'inceptor', 'Inceptor 连接与认证', 'Inceptor 提供 SQL 查询。JDBC 连接串：`jdbc:hive2://<host>:10000/default`。TDH 7.0 起默认启用 LDAP 认证，连接时须提供用户名与密码。', 'Inceptor connections and authentication', 'Inceptor answers SQL queries. JDBC connection string: `jdbc:hive2://<host>:10000/default`. From TDH 7.0, LDAP authentication is on by default, and connections must give a user name and password.'),
  ('TDH', '7.0', 'kafka-settings', 'Kafka 参数', 'TDH 7.0 的 Kafka 版本为 3.x。常用参数：`num.partitions`（默认分区数）、`log.retention.hours`（保留时长，默认 168）、`min.insync.replicas`（建议 2）。', 'Kafka settings', 'TDH 7.0 ships Kafka 3.x. Common settings: `num.partitions` (default number of partitions), `log.retention.hours` (how long to keep data, 168 by default) and `min.insync.replicas` (2 recommended).'),
  ('TDH', '7.0', 'upgrade', '升级', '从上一版本升级到 TDH 7.0：先导出配置，再按组件滚动升级，最后执行冒烟测试。TDH 7.0 提供滚动升级向导，升级期间 HDFS 与 Inceptor 不中断服务。', 'Upgrading', 'Upgrading from the previous version to TDH 7.0: export the configuration first, upgrade component by component in a rolling fashion, then run a smoke test. TDH 7.0 has a rolling upgrade wizard, and HDFS and Inceptor keep serving during the upgrade.'),
  ('TDH', '7.0', 'inceptor-connection', '无法连接 Inceptor', '先确认端口可达：

```bash
nc -vz <host> 10000
```

端口可达但认证失败时，检查 LDAP 用户名与密码（7.0 默认启用 LDAP）。', 'Cannot connect to Inceptor', 'First check that the port can be reached:

```bash
nc -vz <host> 10000
```

If the port is reachable but authentication fails, check the LDAP user name and password (7.0 turns LDAP on by default).'),
  ('TOS', '1.9', 'components', '组成部分', 'TOS 1.9 由以下部分组成：

| 组件 | 作用 |
|---|---|
| Kubernetes | 容器编排与调度 |
| 容器运行时 | containerd 或 Docker |
| TOS 控制台 | 应用、集群、租户与工单管理 |
| 镜像仓库 | 存放应用镜像与 Chart 包 |', 'Components', 'TOS 1.9 is made of the following parts:

| Component | Role |
|---|---|
| Kubernetes | Container orchestration and scheduling |
| Container runtime | containerd or Docker |
| TOS console | Apps, clusters, tenants and tickets |
| Image registry | Holds app images and Chart packages |'),
  ('TOS', '1.9', 'requirements', '环境要求', '| 项目 | 要求 |
|---|---|
| 操作系统 | CentOS 7.9、openEuler 22.03 |
| 主机数量 | 至少 3 台（控制节点高可用） |
| 每台主机 | 8 核 CPU、32 GiB 内存、200 GiB 系统盘 |
| 网络 | 主机间万兆互通，时间同步偏差小于 500 毫秒 |

安装前在每台主机上执行：

```bash
chronyc tracking | grep offset
free -g
df -h /var/lib
```', 'Requirements', '| Item | Requirement |
|---|---|
| Operating system | CentOS 7.9, openEuler 22.03 |
| Hosts | At least 3 (highly available control nodes) |
| Each host | 8 CPU cores, 32 GiB memory, 200 GiB system disk |
| Network | 10 GbE between hosts, clock offset under 500 ms |

Before installing, run on every host:

```bash
chronyc tracking | grep offset
free -g
df -h /var/lib
```'),
  ('TOS', '1.9', 'quota', '创建用户配额', '为租户设置 CPU、内存与存储配额，超出配额的应用将无法安装或扩容。TOS 1.9 的默认配额：

| 资源 | 默认值 |
|---|---|
| CPU | 8 核 |
| 内存 | 32 GiB |
| 存储 | 500 GiB |

用量达到配额的 80% 时，租户管理员会收到告警。', 'Creating user quotas', 'Give a tenant CPU, memory and storage quotas; apps that would exceed the quota cannot be installed or scaled out. The default quotas in TOS 1.9:

| Resource | Default |
|---|---|
| CPU | 8 cores |
| Memory | 32 GiB |
| Storage | 500 GiB |

When usage reaches 80% of the quota, the tenant''s administrator is alerted.'),
  ('TOS', '1.9', 'install-app', '安装应用', '在应用列表中选择应用，点击 **安装**，依次填写目标租户、目标集群与可见范围。

应用依赖其他应用时（例如 Inceptor 依赖 Metastore），向导会让你选择已有的实例或一起安装新的实例。

```bash
wharf apps install redis --tenant u-liwei --set memory=1Gi
```', 'Installing apps', 'Choose an app in the app list, click **Install**, then fill in the target tenant, the target cluster and who can see it.

When an app depends on other apps (e.g. Inceptor depends on Metastore), the wizard lets you choose an existing instance or install a new one along with it.

```bash
wharf apps install redis --tenant u-liwei --set memory=1Gi
```'),
  ('TOS', '1.9', 'upgrade', '升级 TOS', '从 TOS 1.8 升级到 1.9：先备份 etcd，再逐台升级控制节点，最后升级工作节点。升级期间已安装的应用继续运行。', 'Upgrading TOS', 'Upgrading from TOS 1.8 to 1.9: back up etcd first, upgrade the control nodes one at a time, and the worker nodes last. Installed apps keep running during the upgrade.'),
  ('TOS', '2.0', 'components', '组成部分', 'TOS 2.0 由以下部分组成：

| 组件 | 作用 |
|---|---|
| Kubernetes | 容器编排与调度 |
| 容器运行时 | containerd（2.0 起不再支持 Docker 运行时） |
| TOS 控制台 | 应用、集群、租户与工单管理 |
| 镜像仓库 | 存放应用镜像与 Chart 包 |', 'Components', 'TOS 2.0 is made of the following parts:

| Component | Role |
|---|---|
| Kubernetes | Container orchestration and scheduling |
| Container runtime | containerd (the Docker runtime is no longer supported from 2.0) |
| TOS console | Apps, clusters, tenants and tickets |
| Image registry | Holds app images and Chart packages |'),
  ('TOS', '2.0', 'requirements', '环境要求', '| 项目 | 要求 |
|---|---|
| 操作系统 | CentOS 7.9、openEuler 22.03、Ubuntu 22.04 |
| 主机数量 | 至少 3 台（控制节点高可用） |
| 每台主机 | 8 核 CPU、32 GiB 内存、200 GiB 系统盘 |
| 网络 | 主机间万兆互通，时间同步偏差小于 500 毫秒 |

安装前在每台主机上执行：

```bash
chronyc tracking | grep offset
free -g
df -h /var/lib
```', 'Requirements', '| Item | Requirement |
|---|---|
| Operating system | CentOS 7.9, openEuler 22.03, Ubuntu 22.04 |
| Hosts | At least 3 (highly available control nodes) |
| Each host | 8 CPU cores, 32 GiB memory, 200 GiB system disk |
| Network | 10 GbE between hosts, clock offset under 500 ms |

Before installing, run on every host:

```bash
chronyc tracking | grep offset
free -g
df -h /var/lib
```'),
  ('TOS', '2.0', 'quota', '创建用户配额', '为租户设置 CPU、内存与存储配额，超出配额的应用将无法安装或扩容。TOS 2.0 的默认配额：

| 资源 | 默认值 |
|---|---|
| CPU | 8 核 |
| 内存 | 32 GiB |
| 存储 | 500 GiB |

TOS 2.0 起配额可以按优先级划分：高优先级的应用可以抢占低优先级应用的资源。', 'Creating user quotas', 'Give a tenant CPU, memory and storage quotas; apps that would exceed the quota cannot be installed or scaled out. The default quotas in TOS 2.0:

| Resource | Default |
|---|---|
| CPU | 8 cores |
| Memory | 32 GiB |
| Storage | 500 GiB |

From TOS 2.0, quotas can be divided by priority: apps of a higher priority can preempt resources from apps of a lower priority.'),
  ('TOS', '2.0', 'install-app', '安装应用', '在应用列表中选择应用，点击 **安装**，依次填写目标租户、目标集群与可见范围。TOS 2.0 起安装向导支持保存为模板。

应用依赖其他应用时（例如 Inceptor 依赖 Metastore），向导会让你选择已有的实例或一起安装新的实例。

```bash
wharf apps install redis --tenant u-liwei --set memory=1Gi
```', 'Installing apps', 'Choose an app in the app list, click **Install**, then fill in the target tenant, the target cluster and who can see it. From TOS 2.0 the install wizard can be saved as a template.

When an app depends on other apps (e.g. Inceptor depends on Metastore), the wizard lets you choose an existing instance or install a new one along with it.

```bash
wharf apps install redis --tenant u-liwei --set memory=1Gi
```'),
  ('TOS', '2.0', 'upgrade', '升级 TOS', '从 TOS 1.9 升级到 2.0：先备份 etcd，再逐台升级控制节点，最后升级工作节点。升级期间已安装的应用继续运行。

注意：2.0 不再支持 Docker 运行时，升级前须把主机切换到 containerd。', 'Upgrading TOS', 'Upgrading from TOS 1.9 to 2.0: back up etcd first, upgrade the control nodes one at a time, and the worker nodes last. Installed apps keep running during the upgrade.

Note: 2.0 no longer supports the Docker runtime; switch the hosts to containerd before upgrading.')
), d as (
  select s.product, v.version, s.slug,
         replace(s.title, '{v}', v.version) as title, replace(s.body, '{v}', v.version) as body,
         replace(s.title_en, '{v}', v.version) as title_en, replace(s.body_en, '{v}', v.version) as body_en
  from shared s join (values ('TDH', '6.2'), ('TDH', '7.0'), ('TOS', '1.9'), ('TOS', '2.0')) as v (product, version)
    on v.product = s.product
  union all
  select * from own
)
update manuals.pages p set title_en = coalesce(p.title_en, d.title_en), body_en = coalesce(p.body_en, d.body_en)
from manuals.manuals m, d
where m.id = p.manual_id and m.product = d.product and m.version = d.version
  and p.slug = d.slug and p.title = d.title and p.body = d.body;

update manuals.releases r set title_en = coalesce(r.title_en, d.title_en), body_en = coalesce(r.body_en, d.body_en)
from (values
  ('TDH', '6.2', '2024-03-01', 'TDH 6.2 正式发布', '## 主要变化

HDFS 纠删码正式可用；Inceptor 查询性能提升 30%。

## 升级建议

升级前请阅读《TDH 用户手册》的升级章节，并导出当前配置。', 'TDH 6.2 released', '## What changed

HDFS erasure coding is generally available; Inceptor queries are 30% faster.

## Before you upgrade

Read the upgrade chapter of the TDH user manual and export your current configuration.'),
  ('TOS', '1.9', '2024-05-20', 'TOS 1.9 正式发布', '## 主要变化

支持多集群管理与租户配额告警。

## 升级建议

升级前请阅读《TOS 用户手册》的升级章节，并导出当前配置。', 'TOS 1.9 released', '## What changed

Several clusters in one console; alerts on tenant quotas.

## Before you upgrade

Read the upgrade chapter of the TOS user manual and export your current configuration.'),
  ('TDH', '6.2.1', '2024-07-10', 'TDH 6.2.1 补丁版本', '## 主要变化

修复 HBase RegionServer 在高负载下内存泄漏的问题。

## 升级建议

升级前请阅读《TDH 用户手册》的升级章节，并导出当前配置。', 'TDH 6.2.1 patch release', '## What changed

Fixes a RegionServer memory leak under heavy load.

## Before you upgrade

Read the upgrade chapter of the TDH user manual and export your current configuration.'),
  ('TOS', '1.9.2', '2024-09-02', 'TOS 1.9.2 补丁版本', '## 主要变化

修复 kube-apiserver 证书轮换后连接被拒绝的问题。

## 升级建议

升级前请阅读《TOS 用户手册》的升级章节，并导出当前配置。', 'TOS 1.9.2 patch release', '## What changed

Fixes refused connections after kube-apiserver certificates are rotated.

## Before you upgrade

Read the upgrade chapter of the TOS user manual and export your current configuration.'),
  ('TDH', '7.0', '2025-06-15', 'TDH 7.0 正式发布', '## 主要变化

Inceptor 默认启用 LDAP 认证；Kafka 升级到 3.x；新增滚动升级向导。

## 升级建议

升级前请阅读《TDH 用户手册》的升级章节，并导出当前配置。', 'TDH 7.0 released', '## What changed

Inceptor uses LDAP authentication by default; Kafka 3.x; a rolling upgrade wizard.

## Before you upgrade

Read the upgrade chapter of the TDH user manual and export your current configuration.'),
  ('TOS', '2.0', '2025-08-01', 'TOS 2.0 正式发布', '## 主要变化

安装向导支持模板；基于优先级的抢占式调度。

## 升级建议

升级前请阅读《TOS 用户手册》的升级章节，并导出当前配置。', 'TOS 2.0 released', '## What changed

Templates in the install wizard; priority-based preemptive scheduling.

## Before you upgrade

Read the upgrade chapter of the TOS user manual and export your current configuration.'),
  ('TDH', '7.0.1', '2025-09-12', 'TDH 7.0.1 补丁版本', '## 主要变化

修复 Metastore 在分区数超过 10 万时查询缓慢的问题。

## 升级建议

升级前请阅读《TDH 用户手册》的升级章节，并导出当前配置。', 'TDH 7.0.1 patch release', '## What changed

Fixes slow Metastore queries above 100,000 partitions.

## Before you upgrade

Read the upgrade chapter of the TDH user manual and export your current configuration.'),
  ('TOS', '2.0.1', '2025-10-20', 'TOS 2.0.1 补丁版本', '## 主要变化

修复 Redis 应用升级后 maxmemory 配置丢失的问题。

## 升级建议

升级前请阅读《TOS 用户手册》的升级章节，并导出当前配置。', 'TOS 2.0.1 patch release', '## What changed

Fixes Redis apps losing their maxmemory setting after an upgrade.

## Before you upgrade

Read the upgrade chapter of the TOS user manual and export your current configuration.'),
  ('TDH', '7.1', '2026-01-08', 'TDH 7.1 正式发布', '## 主要变化

Elasticsearch 8 支持；HDFS 空间配额按租户展示。

## 升级建议

升级前请阅读《TDH 用户手册》的升级章节，并导出当前配置。', 'TDH 7.1 released', '## What changed

Elasticsearch 8; HDFS space quotas shown per tenant.

## Before you upgrade

Read the upgrade chapter of the TDH user manual and export your current configuration.'),
  ('TOS', '2.1', '2026-03-03', 'TOS 2.1 正式发布', '## 主要变化

新增应用目录 <Beta> 功能 & 组命名空间共享配额。

## 升级建议

升级前请阅读《TOS 用户手册》的升级章节，并导出当前配置。', 'TOS 2.1 released', '## What changed

App catalog <Beta> & quotas shared by a group''s namespaces.

## Before you upgrade

Read the upgrade chapter of the TOS user manual and export your current configuration.')
) as d (product, version, released_on, title, body, title_en, body_en)
where r.product = d.product and r.version = d.version and r.released_on = d.released_on::date
  and r.title = d.title and r.body = d.body;
