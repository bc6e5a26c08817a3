-- revision: 0011
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE audit_runs (
	id INTEGER NOT NULL, 
	root TEXT NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	status VARCHAR(16) NOT NULL, 
	files_seen INTEGER NOT NULL, 
	files_extracted INTEGER NOT NULL, 
	files_failed INTEGER NOT NULL, 
	profile TEXT NOT NULL, phase VARCHAR(16) DEFAULT '' NOT NULL, counts TEXT DEFAULT '{}' NOT NULL, checks VARCHAR(64) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE images (
	id INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	phash VARCHAR(32), 
	format VARCHAR(16) NOT NULL, 
	width INTEGER NOT NULL, 
	height INTEGER NOT NULL, 
	size BIGINT NOT NULL, 
	group_id INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (sha256)
);
CREATE INDEX ix_images_group_id ON images (group_id);
CREATE TABLE image_evidence (
	id INTEGER NOT NULL, 
	image_id INTEGER NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	origin VARCHAR(32) NOT NULL, 
	name TEXT NOT NULL, 
	lang VARCHAR(32), 
	location TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE CASCADE
);
CREATE INDEX ix_image_evidence_image_id ON image_evidence (image_id);
CREATE TABLE files (
	id INTEGER NOT NULL, 
	root TEXT NOT NULL, 
	path TEXT NOT NULL, 
	size BIGINT NOT NULL, 
	mtime_ns BIGINT NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	sha256 VARCHAR(64), 
	image_id INTEGER, 
	error TEXT, 
	problems TEXT NOT NULL, 
	done BOOLEAN NOT NULL, 
	run_id INTEGER, search TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (root, path), 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE SET NULL
);
CREATE INDEX ix_files_image_id ON files (image_id);
CREATE TABLE articles (
	id INTEGER NOT NULL, 
	file_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	title TEXT, 
	byline TEXT, 
	canonical_url TEXT, guessed_encoding VARCHAR(64), declared_encoding TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (file_id), 
	FOREIGN KEY(file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE TABLE usages (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	src TEXT, 
	caption TEXT, 
	file_id INTEGER, 
	image_id INTEGER, 
	matched_by VARCHAR(16), "key" VARCHAR(64), 
	PRIMARY KEY (id), 
	UNIQUE (article_id, position), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, 
	FOREIGN KEY(file_id) REFERENCES files (id) ON DELETE SET NULL, 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE SET NULL
);
CREATE INDEX ix_usages_article_id ON usages (article_id);
CREATE INDEX ix_usages_image_id ON usages (image_id);
CREATE TABLE usage_evidence (
	id INTEGER NOT NULL, 
	usage_id INTEGER NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	origin VARCHAR(32) NOT NULL, 
	name TEXT NOT NULL, 
	lang VARCHAR(32), 
	location TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(usage_id) REFERENCES usages (id) ON DELETE CASCADE
);
CREATE INDEX ix_usage_evidence_usage_id ON usage_evidence (usage_id);
CREATE TABLE records (
	id INTEGER NOT NULL, 
	usage_id INTEGER, 
	image_id INTEGER, 
	creator TEXT, 
	organization TEXT, 
	via TEXT, 
	license_id VARCHAR(64), 
	license_url TEXT, 
	source_id VARCHAR(64), 
	status VARCHAR(16) NOT NULL, 
	origins TEXT NOT NULL, 
	attribution_text TEXT, 
	attribution_html TEXT, 
	attribution_markdown TEXT, search TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (usage_id), 
	FOREIGN KEY(usage_id) REFERENCES usages (id) ON DELETE CASCADE, 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE CASCADE
);
CREATE INDEX ix_records_image_id ON records (image_id);
CREATE INDEX ix_records_license_id ON records (license_id);
CREATE INDEX ix_records_source_id ON records (source_id);
CREATE INDEX ix_records_status ON records (status);
CREATE TABLE findings (
	id INTEGER NOT NULL, 
	usage_id INTEGER, 
	image_id INTEGER, 
	file_id INTEGER, 
	scope VARCHAR(16) NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	severity VARCHAR(16) NOT NULL, 
	message TEXT NOT NULL, 
	evidence TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(usage_id) REFERENCES usages (id) ON DELETE CASCADE, 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE CASCADE, 
	FOREIGN KEY(file_id) REFERENCES files (id) ON DELETE CASCADE
);
CREATE INDEX ix_findings_usage_id ON findings (usage_id);
CREATE INDEX ix_findings_image_id ON findings (image_id);
CREATE INDEX ix_findings_file_id ON findings (file_id);
CREATE INDEX ix_findings_code ON findings (code);
CREATE INDEX ix_findings_scope ON findings (scope);
CREATE INDEX ix_findings_code_usage ON findings (code, usage_id);
CREATE INDEX ix_findings_code_image ON findings (code, image_id);
CREATE TABLE commons_lookups (
	id INTEGER NOT NULL, 
	api VARCHAR(500) NOT NULL, 
	"key" VARCHAR(500) NOT NULL, 
	answer TEXT NOT NULL, 
	fetched_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (api, "key")
);
CREATE INDEX ix_usages_key ON usages ("key");
CREATE TABLE "decisions" (
	id INTEGER NOT NULL, 
	image_id INTEGER, 
	field VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	who TEXT NOT NULL, 
	why TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	revoked_at DATETIME, 
	revoked_by TEXT, 
	usage_key VARCHAR(64), 
	subject TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(image_id) REFERENCES images (id) ON DELETE CASCADE
);
CREATE INDEX ix_decisions_image_id ON decisions (image_id);
CREATE INDEX ix_decisions_usage_key ON decisions (usage_key);
CREATE INDEX ix_records_search ON records (search);
CREATE TABLE record_codes (
	code VARCHAR(64) NOT NULL, 
	record_id INTEGER NOT NULL, 
	PRIMARY KEY (code, record_id), 
	FOREIGN KEY(record_id) REFERENCES records (id) ON DELETE CASCADE
)
 WITHOUT ROWID

;
CREATE INDEX ix_record_codes_record_id ON record_codes (record_id);
CREATE VIRTUAL TABLE records_fts USING fts5(search, content='records', content_rowid='id', tokenize='trigram');
CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN INSERT INTO records_fts (rowid, search) VALUES (new.id, new.search); END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN INSERT INTO records_fts (records_fts, rowid, search) VALUES ('delete', old.id, old.search); END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF search ON records BEGIN INSERT INTO records_fts (records_fts, rowid, search) VALUES ('delete', old.id, old.search); INSERT INTO records_fts (rowid, search) VALUES (new.id, new.search); END;
INSERT OR REPLACE INTO "alembic_version" VALUES ('0011');
INSERT OR REPLACE INTO "records_fts_data" VALUES (1, X'0000');
INSERT OR REPLACE INTO "records_fts_data" VALUES (10, X'00000000000000');
INSERT OR REPLACE INTO "records_fts_config" VALUES ('version', 4);
