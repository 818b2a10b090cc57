-- Whole-word name search: "tran ngoc hong" or "van an" finds the names holding those words, through a GIN index
-- over the folded words, far cheaper than intersecting the trigram lists of very common syllables (ngu, an ).
-- Substring search by trigram stays as the fallback for partly typed words.
alter table organizations.member
	add column name_words text[] generated always as (string_to_array(public.vn_fold(full_name), ' ')) stored;
create index member_name_words on organizations.member using gin (name_words);
