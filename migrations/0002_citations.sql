-- Citations are looked up by what they are attached to (the chips of a model, phase, stage or alignment), so each
-- link target gets an index; citation_link_citation (0001) covers the other direction.
CREATE INDEX citation_link_framework ON citation_link(framework_id) WHERE framework_id IS NOT NULL;
CREATE INDEX citation_link_phase ON citation_link(phase_id) WHERE phase_id IS NOT NULL;
CREATE INDEX citation_link_stage ON citation_link(stage_id) WHERE stage_id IS NOT NULL;
CREATE INDEX citation_link_alignment ON citation_link(alignment_id) WHERE alignment_id IS NOT NULL;
