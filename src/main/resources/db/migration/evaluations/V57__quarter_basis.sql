-- HD 43-HD/BTCTW: leaders evaluated each quarter have no separate Q4 evaluation; the Q1–Q3 results and the Q4 task
-- results are the basis of the year's level. How they combine is not quoted by the sources reached [GAP], so it is
-- configuration of the regulation: MEAN = the mean of the decided Q1–Q3 scores and the year-end score gives a
-- reference level; appraising the year above it needs a written reason. Null: quarterly results are only shown.
alter table evaluations.regulation
	add column quarter_basis text check (quarter_basis in ('MEAN')),
	add column quarter_basis_ref text;
update evaluations.regulation
	set quarter_basis = 'MEAN',
	    quarter_basis_ref = 'HD 43-HD/BTCTW: kết quả quý I, II, III và kết quả quý IV là cơ sở xếp loại cả năm [cấu hình: bình quân điểm]'
	where code = '366-QĐ/TW';
