-- Tags are one vocabulary with a label per language (src/shared/tags.ts): articles store
-- the key, readers see their language's label. Chinese labels stored before become keys.
with labels (label, key) as (values
  ('故障排查', 'troubleshooting'),
  ('常见问题', 'faq'),
  ('运维手册', 'runbook'),
  ('运维', 'operations'),
  ('连接', 'connection'),
  ('网络', 'network'),
  ('安装', 'installation'),
  ('规划', 'planning'),
  ('离线', 'offline'),
  ('操作指南', 'how-to'),
  ('配额', 'quota'),
  ('限制', 'limits'),
  ('监控', 'monitoring'),
  ('多租户', 'multi-tenant'),
  ('升级', 'upgrade'),
  ('滚动升级', 'rolling-upgrade'),
  ('检查清单', 'checklist'),
  ('内存', 'memory'),
  ('性能', 'performance'),
  ('调优', 'tuning'),
  ('慢查询', 'slow'),
  ('存储', 'storage'),
  ('调度', 'scheduler'),
  ('队列', 'queue'),
  ('流处理', 'streaming'),
  ('协调服务', 'coordination'),
  ('元数据', 'metadata'),
  ('搜索', 'search'),
  ('容器', 'container'),
  ('缓存', 'cache')
)
update knowledge_base.articles a
set tags = array(
  select coalesce(l.key, u.tag)
  from unnest(a.tags) with ordinality as u(tag, i)
  left join labels l on l.label = u.tag
  group by coalesce(l.key, u.tag)
  order by min(u.i)
)
where a.tags && array(select label from labels);
