HashiSearch.register("en","index",{"documents":1,"perFile":7,"shards":1,"version":4});
