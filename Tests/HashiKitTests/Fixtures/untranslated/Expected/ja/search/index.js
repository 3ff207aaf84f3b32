HashiSearch.register("ja","index",{"documents":2,"perFile":7,"shards":1,"version":4});
