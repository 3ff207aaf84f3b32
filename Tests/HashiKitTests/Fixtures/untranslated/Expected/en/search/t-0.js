HashiSearch.register("en","t-0",{"docs":[["en/","Home","Welcome."]],"first":0});
