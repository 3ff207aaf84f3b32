HashiSearch.register("en","index",{"documents":2,"perFile":606,"shards":1,"version":1});
