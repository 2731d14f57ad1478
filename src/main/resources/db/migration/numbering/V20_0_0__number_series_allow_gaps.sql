-- "Allow gaps in numbers" per series. Off (gapless, the row locked from the draw to the
-- commit) for every series there is, as the ERP sets a series up. A series that allows gaps
-- draws from a sequence of its own (nos_<code>), which the application creates when the
-- setting is switched on, restarts when it is switched on again and drops with the series
-- (numbering.SeriesSequences).
ALTER TABLE number_series ADD COLUMN allow_gaps boolean NOT NULL DEFAULT false;
