HashiSearch.register("en","index",{"documents":1,"perFile":1000,"shards":1,"version":1});
