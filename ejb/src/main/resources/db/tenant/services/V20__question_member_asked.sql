-- The analytics report's top questions count a capsule's clustered questions asked in a range of
-- days: read by capsule and time, not by cluster.
CREATE INDEX question_cluster_member_asked ON question_cluster_member (capsule_id, asked_at);
