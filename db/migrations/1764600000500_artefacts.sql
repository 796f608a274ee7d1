-- Up Migration
-- Versioned artefacts (knowledge index versions, model champions) shared by every instance: each machine keeps its
-- own data folder, so a version built or promoted on one is published here and fetched by the others.
-- `bytes` is one bundle (manifest + the version folder's files); `sha256` is the bundle's digest, checked on fetch.
CREATE TABLE artefacts (
  kind TEXT NOT NULL,
  version TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  meta TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, version)
);

-- The version every instance should serve, per kind; a NOTIFY on channel harbor_artefacts announces each change.
CREATE TABLE artefact_current (
  kind TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (kind, version) REFERENCES artefacts (kind, version)
);
