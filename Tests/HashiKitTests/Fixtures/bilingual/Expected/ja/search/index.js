HashiSearch.register("ja","index",{"documents":2,"perFile":64,"shards":1,"version":2});
