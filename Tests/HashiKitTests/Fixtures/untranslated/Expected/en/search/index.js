HashiSearch.register("en","index",{"documents":1,"perFile":546,"shards":1,"version":2});
