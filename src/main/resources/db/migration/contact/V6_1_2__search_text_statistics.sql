-- How many contacts a search word matches is estimated from a sample of search_text. With
-- the default sample, a word that a thousandth of a million contacts have was taken for a
-- hundredth, and the search walked the contact key in order instead of taking the matches
-- from the trigram index. A larger sample lets the estimate see rarer words.
ALTER TABLE contact ALTER COLUMN search_text SET STATISTICS 1000;
