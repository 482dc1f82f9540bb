-- Each chunk's sentences embedded by the chunk's model at ingestion, so that answering compares
-- the question with the sentences of the passages it read without embedding them then: 4-byte
-- little-endian floats, one vector after another, in the order the answer pipeline splits the
-- chunk's text. Null for chunks indexed before this column (their sentences are embedded when an
-- answer reads them) and when the split differs by then (a capsule's language changed).
ALTER TABLE chunk ADD COLUMN sentence_vectors bytea;
