-- A visitor's question finds its nearest cluster through an HNSW index on the clusters' sums
-- (cosine), filtered to the capsule, model and compatible kinds of answer by pgvector's iterative
-- scan: without it each question read every cluster of its capsule (about 5 ms of the database's
-- time at 2,000 clusters, growing with every new question).
CREATE INDEX question_cluster_vector ON question_cluster USING hnsw (vector_sum public.vector_cosine_ops);
