HashiSearch.register("en","t-0",{"first":0,"z":"<@[2[Ep!^m2@Ŷ+1Fo6Y%`U.CҀ"});
