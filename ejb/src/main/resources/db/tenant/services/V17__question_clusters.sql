-- The knowledge-gap loop: visitors' questions grouped by meaning per capsule, as they are asked.
-- A question joins the cluster whose questions' embeddings (their sum, which points the way their
-- mean does) are closest, when close enough and asking for a compatible kind of answer, else
-- starts a cluster. A cluster with unanswered or
-- disliked questions is a gap; an editor answers it with an FAQ item (faq_item_id), and it is
-- resolved once a visitor asking it afterwards is answered. Clusters of questions that are
-- answered again and again are suggested as golden questions.
CREATE TABLE question_cluster (
    id          uuid               PRIMARY KEY,
    capsule_id  uuid               NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                                   DEFERRABLE INITIALLY IMMEDIATE,
    -- the embedding model of the sum; a question embedded by another model starts its own cluster
    model       varchar(160)       NOT NULL,
    vector_sum  public.vector(384) NOT NULL,
    -- the kind of answer its first question asks for (AnswerType: time, place, person, ...)
    answer_type varchar(16)        NOT NULL,
    size        integer            NOT NULL CHECK (size > 0),
    -- the first question asked, the cluster's name until an editor answers it
    label       text               NOT NULL,
    first_at    timestamptz        NOT NULL,
    last_at     timestamptz        NOT NULL,
    -- the editor's answer: the FAQ item made from it (kept when the item is deleted later)
    faq_item_id uuid,
    answered_at timestamptz,
    answered_by varchar(255),
    -- the first question answered after the editor's answer
    resolved_at timestamptz,
    dismissed_at timestamptz
);
CREATE INDEX question_cluster_capsule ON question_cluster (capsule_id, model);

-- One row per visitor question (the message) in its cluster; removed with the conversation.
CREATE TABLE question_cluster_member (
    message_id   uuid         PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY DEFERRED,
    answer_id    uuid         NOT NULL,
    cluster_id   uuid         NOT NULL REFERENCES question_cluster (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY IMMEDIATE,
    capsule_id   uuid         NOT NULL,
    question     text         NOT NULL,
    -- Questions.key: the same question asked again (a cached answer) joins without an embedding
    question_key text         NOT NULL,
    answered     boolean      NOT NULL,
    disliked     boolean      NOT NULL DEFAULT false,
    asked_at     timestamptz  NOT NULL
);
CREATE INDEX question_cluster_member_cluster ON question_cluster_member (cluster_id, asked_at DESC);
CREATE INDEX question_cluster_member_key ON question_cluster_member (capsule_id, question_key);
CREATE UNIQUE INDEX question_cluster_member_answer ON question_cluster_member (answer_id);
