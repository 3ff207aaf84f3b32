HashiSearch.register("en","p-0",{"hom":"A49C","welcom":"Aof"});
