HashiSearch.register("en","t-0",{"docs":[["en/","Home"]],"first":0,"z":"eF4LT81Jzs9N1WMAABDwAvs="});
