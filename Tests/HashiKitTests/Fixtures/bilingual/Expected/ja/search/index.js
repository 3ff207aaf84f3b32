HashiSearch.register("ja","index",{"documents":2,"perFile":516,"shards":1,"version":1});
