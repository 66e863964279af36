-- Article changes are published through core's Events (wharf.events) now.
drop table knowledge_base.changes;
