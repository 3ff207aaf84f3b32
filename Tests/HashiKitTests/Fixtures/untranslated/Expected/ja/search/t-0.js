HashiSearch.register("ja","t-0",{"first":0,"z":"<KˑlB mf!LM)CT#,w=Fkxm!BƆePwpGhEN4igcNW<#vvǣ9mln@k+ș^|=s?)Wy4mŎ8@*U.=h.cC}W~}G'ȎhCZUF-BDw),"});
