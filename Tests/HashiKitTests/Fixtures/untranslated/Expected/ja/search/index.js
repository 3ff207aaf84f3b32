HashiSearch.register("ja","index",{"documents":2,"perFile":141,"shards":1,"version":2});
