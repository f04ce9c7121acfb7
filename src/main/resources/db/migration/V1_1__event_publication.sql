-- Spring Modulith's event publication registry: events handed to @ApplicationModuleListener listeners are
-- recorded here until the listener completes, so none is lost when the app stops mid-way.
CREATE TABLE event_publication (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(10000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_incomplete ON event_publication (completion_date);

CREATE TABLE event_publication_archive (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(10000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
