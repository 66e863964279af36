-- A data directory made before services had English text keeps the demo's premium services
-- in Chinese only. The services that are still exactly as the demo shipped them (same
-- Chinese name, category, description and price note) get the demo's English; a service
-- an admin changed, or English an admin already wrote, is left as it is.
update support.services s set
  name_en = coalesce(s.name_en, d.name_en),
  category_en = coalesce(s.category_en, d.category_en),
  description_en = coalesce(s.description_en, d.description_en),
  price_note_en = coalesce(s.price_note_en, d.price_note_en)
from (values
  ('选型咨询', '购买与规划', '根据业务规模与数据量推荐产品版本、集群规模与硬件配置。', '按次计费，¥2,000 起', 'Product selection', 'Purchase and planning', 'Recommends product versions, cluster size and hardware for your workload and data volume.', 'Per engagement, from ¥2,000'),
  ('容量规划', '购买与规划', '评估未来 12 个月的存储与计算增长，给出扩容计划。', '按次计费，¥3,000 起', 'Capacity planning', 'Purchase and planning', 'Estimates storage and compute growth over the next 12 months and plans the expansion.', 'Per engagement, from ¥3,000'),
  ('架构评审', '购买与规划', '评审现有大数据平台架构，输出风险与改进建议报告。', '按次计费，¥8,000 起', 'Architecture review', 'Purchase and planning', 'Reviews your big data platform''s architecture and reports its risks and improvements.', 'Per engagement, from ¥8,000'),
  ('许可证迁移', '购买与规划', '协助将许可证迁移到新集群或新硬件。', '按次计费，¥1,000', 'License migration', 'Purchase and planning', 'Helps move your license to a new cluster or new hardware.', 'Per engagement, ¥1,000'),
  ('集群安装部署', '安装与配置', '远程完成 TDH/TOS 集群的安装与初始化配置。', '按节点计费，¥500/节点', 'Cluster installation', 'Installation and configuration', 'Installs and initially configures a TDH/TOS cluster remotely.', 'Per node, ¥500/node'),
  ('离线环境部署', '安装与配置', '无外网环境下的离线安装包准备与部署。', '按次计费，¥5,000 起', 'Offline installation', 'Installation and configuration', 'Prepares offline packages and installs without internet access.', 'Per engagement, from ¥5,000'),
  ('高可用配置', '安装与配置', '为 NameNode、ResourceManager、Metastore 等配置高可用。', '按组件计费，¥2,000/组件', 'High availability', 'Installation and configuration', 'Sets up high availability for NameNode, ResourceManager, Metastore and others.', 'Per component, ¥2,000/component'),
  ('安全认证配置', '安装与配置', '配置 Kerberos、LDAP 与权限策略。', '按次计费，¥6,000 起', 'Security and authentication', 'Installation and configuration', 'Configures Kerberos, LDAP and permission policies.', 'Per engagement, from ¥6,000'),
  ('SSL 证书配置', '安装与配置', '为控制台与各服务配置 HTTPS 证书。', '按次计费，¥1,500', 'SSL certificates', 'Installation and configuration', 'Sets up HTTPS certificates for the console and each service.', 'Per engagement, ¥1,500'),
  ('域名与反向代理', '安装与配置', '配置域名解析、负载均衡与反向代理。', '按次计费，¥1,000', 'Domains and reverse proxy', 'Installation and configuration', 'Configures DNS, load balancing and a reverse proxy.', 'Per engagement, ¥1,000'),
  ('多租户与配额设置', '安装与配置', '按组织结构规划租户、命名空间与资源配额。', '按次计费，¥3,000', 'Tenants and quotas', 'Installation and configuration', 'Plans tenants, namespaces and resource quotas after your organisation.', 'Per engagement, ¥3,000'),
  ('数据迁移', '使用与迁移', '从旧集群或其他平台迁移 HDFS/HBase/Hive 数据。', '按数据量计费，¥1,000/TB 起', 'Data migration', 'Use and migration', 'Migrates HDFS/HBase/Hive data from an old cluster or another platform.', 'Per data volume, from ¥1,000/TB'),
  ('SQL 性能调优', '使用与迁移', '分析慢查询并给出 Inceptor SQL 调优方案。', '按次计费，¥3,000 起', 'SQL tuning', 'Use and migration', 'Analyses slow queries and proposes Inceptor SQL tuning.', 'Per engagement, from ¥3,000'),
  ('Kafka 主题规划', '使用与迁移', '规划分区、副本与保留策略。', '按次计费，¥2,000', 'Kafka topic planning', 'Use and migration', 'Plans partitions, replicas and retention.', 'Per engagement, ¥2,000'),
  ('应用上架', '使用与迁移', '将自研应用打包为 Chart 并上架到应用目录。', '按应用计费，¥2,500/个', 'App onboarding', 'Use and migration', 'Packages your own application as a chart and publishes it in the app catalog.', 'Per app, ¥2,500/app'),
  ('备份与恢复方案', '使用与迁移', '设计并演练元数据与业务数据的备份恢复。', '按次计费，¥4,000 起', 'Backup and recovery plan', 'Use and migration', 'Designs and rehearses backup and recovery of metadata and business data.', 'Per engagement, from ¥4,000'),
  ('操作培训', '使用与迁移', '面向运维与开发人员的远程培训（半天）。', '按场计费，¥5,000/场', 'Operator training', 'Use and migration', 'Remote training for operators and developers (half a day).', 'Per session, ¥5,000/session'),
  ('版本升级', '运维与保障', '评估兼容性并完成滚动升级与回滚预案。', '按次计费，¥5,000 起', 'Version upgrade', 'Operations and assurance', 'Checks compatibility, performs a rolling upgrade and prepares a rollback plan.', 'Per engagement, from ¥5,000'),
  ('补丁安装', '运维与保障', '安装官方补丁并验证。', '按次计费，¥1,000', 'Patch installation', 'Operations and assurance', 'Installs official patches and verifies them.', 'Per engagement, ¥1,000'),
  ('健康巡检', '运维与保障', '全面检查集群状态，输出巡检报告。', '按次计费，¥2,000', 'Health check', 'Operations and assurance', 'Checks the whole cluster and reports on its state.', 'Per engagement, ¥2,000'),
  ('故障恢复', '运维与保障', '紧急故障的远程排查与恢复（响应 2 小时内）。', '按次计费，¥3,000 起', 'Incident recovery', 'Operations and assurance', 'Remote diagnosis and recovery of urgent failures (response within 2 hours).', 'Per engagement, from ¥3,000'),
  ('性能压测', '运维与保障', '对关键业务进行压测并给出瓶颈分析。', '按次计费，¥6,000 起', 'Load testing', 'Operations and assurance', 'Load-tests key workloads and analyses the bottlenecks.', 'Per engagement, from ¥6,000'),
  ('监控告警配置', '运维与保障', '配置指标采集、告警规则与通知渠道。', '按次计费，¥2,000', 'Monitoring and alerts', 'Operations and assurance', 'Configures metric collection, alert rules and notification channels.', 'Per engagement, ¥2,000'),
  ('日志分析平台搭建', '运维与保障', '搭建集中日志检索与分析。', '按次计费，¥4,000 起', 'Log analysis platform', 'Operations and assurance', 'Sets up central log search and analysis.', 'Per engagement, from ¥4,000'),
  ('重大活动保障', '运维与保障', '大促、年终结算等重要时段专人值守。', '按天计费，¥3,000/天', 'Major event support', 'Operations and assurance', 'A dedicated engineer on call for peak sales, year-end closing and other key periods.', 'Per day, ¥3,000/day'),
  ('节点扩容', '运维与保障', '新增节点的加入、均衡与验证。', '按节点计费，¥400/节点', 'Node expansion', 'Operations and assurance', 'Adds new nodes, rebalances and verifies.', 'Per node, ¥400/node'),
  ('安全加固', '运维与保障', '按基线检查并加固操作系统与服务配置。', '按次计费，¥3,000', 'Security hardening', 'Operations and assurance', 'Checks the operating system and services against a baseline and hardens them.', 'Per engagement, ¥3,000'),
  ('集群下线', '终止与回收', '安全下线集群并清理数据与配置。', '按次计费，¥2,000', 'Cluster decommissioning', 'Retirement and recovery', 'Safely takes a cluster down and removes its data and configuration.', 'Per engagement, ¥2,000'),
  ('数据归档', '终止与回收', '冷数据归档到低成本存储并验证可恢复。', '按数据量计费，¥500/TB', 'Data archiving', 'Retirement and recovery', 'Archives cold data to low-cost storage and verifies it can be restored.', 'Per data volume, ¥500/TB'),
  ('数据销毁证明', '终止与回收', '按规范销毁数据并出具证明。', '按次计费，¥1,500', 'Certificate of data destruction', 'Retirement and recovery', 'Destroys data to the standard and issues a certificate.', 'Per engagement, ¥1,500')
) as d (name, category, description, price_note, name_en, category_en, description_en, price_note_en)
where s.name = d.name and s.category = d.category and s.description = d.description
  and s.price_note = d.price_note;
