HashiSearch.register("ja","t-0",{"first":0,"z":"<Y4VQNxn7N=GfBc	r5?z63S!=/L=7CGEcc1y[dMF!Ugsy*NP	Rt:CqYG+>wSGGzw#8	{ovMGNq1tʪ=?}GFls{:5|ʨ1]%0`"});
