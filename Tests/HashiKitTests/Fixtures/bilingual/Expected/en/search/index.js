HashiSearch.register("en","index",{"documents":2,"perFile":75,"shards":1,"version":2});
