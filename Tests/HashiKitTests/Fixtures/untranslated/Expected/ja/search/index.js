HashiSearch.register("ja","index",{"documents":2,"perFile":1000,"shards":1,"version":1});
